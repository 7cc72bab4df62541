package io.hubwarden.hub;

/** How a hub's connection stands, as its chip shows it. */
public enum HubHealth {
    /** Connected, and the last sync (if any) was applied. */
    HEALTHY,
    /** A sync was halted by the safeguard and waits for someone to apply or discard it. */
    SYNC_REQUIRED,
    /** The hub no longer accepts the service credential: connect it again. Its jobs wait meanwhile. */
    REVIEW_CREDENTIALS,
    /** The hub refused the connection as configured (business gone, permission missing). */
    REVIEW_CONFIGURATION,
    /** Disconnected by a person: no credential, no jobs. */
    DISCONNECTED
}
