package io.hubwarden.hub;

/** No sync of the hub waits for review (it was applied or discarded already). */
public final class SyncNotHalted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SyncNotHalted(HubId hub) {
        super("No sync of hub " + hub + " waits for review");
    }
}
