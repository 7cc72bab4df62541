package io.hubwarden.hub;

/** How a hub's service credential was obtained. */
public enum CredentialMethod {
    /** A Full-control person of the business signed in with the hub (OAuth). */
    OAUTH,
    /** An operator pasted a token, typically a system user's. */
    TOKEN
}
