package io.hubwarden.access;

/** The hub does not exist in this workspace, or is not shared with the person. */
public final class HubNotShared extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HubNotShared(String message) {
        super(message);
    }
}
