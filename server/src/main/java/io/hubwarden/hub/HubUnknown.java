package io.hubwarden.hub;

/** The workspace has no such hub (it may exist in another workspace, which is not to be told). */
public final class HubUnknown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HubUnknown(HubId id) {
        super("No hub " + id + " in this workspace");
    }
}
