package io.hubwarden.connector;

/** Where a hub invitation stands. Connectors report unknown hub states as {@link #PENDING}. */
public enum InvitationStatus {
    /** Sent and not yet answered; the person can still accept it. */
    PENDING,
    /** The hub's deadline passed; it must be cancelled and sent again. */
    EXPIRED,
    /** The person declined it. */
    DECLINED
}
