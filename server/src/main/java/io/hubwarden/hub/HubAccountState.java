package io.hubwarden.hub;

/** Where a person stands in the hub, as the last sync saw them. */
public enum HubAccountState {
    /** Holds a seat in the business. */
    ACTIVE,
    /** Invited, not yet accepted; the invitation can still be accepted. */
    PENDING_INVITATION,
    /** Invited, and the hub's deadline passed. */
    EXPIRED,
    /** Invited, and the person declined. */
    DECLINED
}
