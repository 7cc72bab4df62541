package io.hubwarden.hub;

/** Where one sync of a hub stands. */
enum SyncStatus {
    /** Reading the hub, page by page, into the staging tables. */
    STAGING,
    /** Read completely, and the safeguard stopped it: it would remove too much. Waits for apply or discard. */
    HALTED,
    /** Applied to the hub's accounts, assets and assignments. */
    APPLIED,
    /** Thrown away: superseded by a newer sync, or discarded after review. */
    DISCARDED
}
