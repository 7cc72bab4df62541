package io.hubwarden.access;

/** A share asked for a hub role the hub does not have; nothing was saved. */
public final class HubRoleUnknown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HubRoleUnknown(String code) {
        super("The hub has no role " + code);
    }
}
