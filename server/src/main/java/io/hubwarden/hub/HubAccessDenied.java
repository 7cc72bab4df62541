package io.hubwarden.hub;

/** The acting person may not do this with hubs (connecting needs the workspace permission CONNECT_HUB). */
public final class HubAccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HubAccessDenied(String refusal) {
        super(refusal);
    }
}
