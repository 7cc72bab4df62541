package io.hubwarden.access;

/**
 * What a person may do with a hub in Hubwarden, from the most to the least powerful. Not the hub's own role: that
 * is the hub role of a share ({@code ADMIN} "Full control" on Meta).
 */
public enum AccessRole {
    /** Connected the hub or was made its owner: shares it, manages it, reconnects it. */
    OWNER,
    /** Shares the hub with others and looks after its people. */
    MANAGER,
    /** Uses the hub; shares nothing. */
    COLLABORATOR;

    /** Whether this role may share the hub with others. */
    public boolean mayShare() {
        return this == OWNER || this == MANAGER;
    }

    /** The more powerful of the two. */
    AccessRole higher(AccessRole other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
