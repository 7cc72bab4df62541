package io.hubwarden.access;

/**
 * A row of the hub's Users table as the access module knows it.
 *
 * @param assets how many of the hub's assets the member holds, as the last sync or profile verification saw it
 */
public record MembershipSummary(MembershipView membership, int assets) {}
