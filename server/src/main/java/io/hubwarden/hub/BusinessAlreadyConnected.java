package io.hubwarden.hub;

/** The workspace already has a hub for this business; reconnect that one instead. */
public final class BusinessAlreadyConnected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HubId existing;

    BusinessAlreadyConnected(HubId existing) {
        super("The business is already connected as hub " + existing);
        this.existing = existing;
    }

    /** The hub that connects the business already. */
    public HubId existing() {
        return existing;
    }
}
