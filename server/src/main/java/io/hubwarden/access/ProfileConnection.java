package io.hubwarden.access;

/** How connecting a person's own hub profile ended. */
public enum ProfileConnection {
    /** The profile is a member of the business: the membership is CONNECTED. */
    CONNECTED,
    /** The profile has not accepted the hub's invitation yet: accept it first, then connect again. */
    INVITATION_NOT_ACCEPTED,
    /** The profile is neither a member of the business nor invited: the card says so; nothing else changed. */
    NOT_A_MEMBER
}
