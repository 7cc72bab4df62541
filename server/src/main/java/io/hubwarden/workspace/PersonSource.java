package io.hubwarden.workspace;

/** Who manages a person's record. */
public enum PersonSource {
    /** Created in Hubwarden (the first Owner, invitations). */
    LOCAL,
    /** Provisioned by an identity provider over SCIM. */
    SCIM,
    /** Created on first single sign-on. */
    SSO
}
