package io.hubwarden.connector;

/**
 * The person to invite into a business. Hubs invite by e-mail: the hub sends the invitation to this address, and
 * the person may accept it with a hub login whose address differs.
 *
 * @param email where the hub sends the invitation
 */
public record Invitee(EmailAddress email) {

    /** An invitee by address. */
    public static Invitee byEmail(String email) {
        return new Invitee(EmailAddress.of(email));
    }
}
