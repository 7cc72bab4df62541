package io.hubwarden.workspace;

/**
 * The invitation was recorded but its mail could not be handed to the SMTP server. The person stays invited; sending
 * the invitation again issues a fresh link.
 */
public final class InvitationNotSent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PersonId personId;

    InvitationNotSent(PersonId personId, Throwable cause) {
        super("The invitation mail for person " + personId + " could not be sent", cause);
        this.personId = personId;
    }

    public PersonId personId() {
        return personId;
    }
}
