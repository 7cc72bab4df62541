package io.hubwarden.connector;

/** The kinds of business hub that Hubwarden can manage; each has one connector provider. */
public enum HubKind {
    META_BUSINESS_MANAGER,
    TIKTOK_BUSINESS_CENTER
}
