package io.hubwarden.workspace;

/** An invitation was requested for a person who has already set a password. */
public final class PersonNotInvited extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PersonNotInvited(PersonId personId) {
        super("Person " + personId + " is not waiting for an invitation");
    }
}
