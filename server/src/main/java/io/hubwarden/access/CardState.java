package io.hubwarden.access;

/** What a tenant card says, in words a person understands; the precise status is the membership's. */
public enum CardState {
    /** Invited or joined: connect your own hub profile (after accepting the hub's invitation e-mail). */
    CONNECT_YOUR_ACCOUNT,
    CONNECTED,
    /** The hub's invitation lapsed; it can be sent again. */
    INVITATION_EXPIRED,
    /** Something failed or waits; the card's note says what and what to do. */
    ACTION_NEEDED,
    ACCESS_REMOVED,
    /** Shared for Hubwarden only: no seat in the hub, nothing to connect. */
    SHOWN_IN_HUBWARDEN;

    /** What a card of a membership in this status, with this note, says. */
    static CardState of(MembershipStatus status, MembershipStatus settled, String noteCode) {
        if (MembershipNote.HUB_BUSY.equals(noteCode) || MembershipNote.PROFILE_NOT_MEMBER.equals(noteCode)) {
            return ACTION_NEEDED;
        }
        switch (status) {
            case NO_SEAT:
                return SHOWN_IN_HUBWARDEN;
            case INVITING:
            case INVITED:
            case JOINED:
                return CONNECT_YOUR_ACCOUNT;
            case CONNECTED:
                return CONNECTED;
            case INVITE_EXPIRED:
                return INVITATION_EXPIRED;
            case UPDATING:
                return settled == MembershipStatus.CONNECTED ? CONNECTED : CONNECT_YOUR_ACCOUNT;
            case REMOVING:
            case REMOVED:
                return ACCESS_REMOVED;
            default:
                return ACTION_NEEDED;
        }
    }
}
