package io.hubwarden.hub;

/** The hub has no such account (any more): a sync or a removal may have taken it away. */
public final class HubAccountUnknown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HubAccountUnknown(HubAccountId id) {
        super("No hub account " + id);
    }
}
