package io.hubwarden.workspace;

/** Where a person stands in their workspace; only {@link #ACTIVE} people sign in. */
public enum PersonStatus {
    /** Invited, has not set a password yet. */
    INVITED,
    ACTIVE,
    /** Temporarily barred from signing in; keeps their access shares. */
    SUSPENDED,
    /** Left the workspace; their access is removed. */
    DEACTIVATED
}
