package io.hubwarden.hub;

import java.util.Objects;
import java.util.UUID;

/** Identifies one account (member or invitation) of a hub as Hubwarden stores it; stable across syncs. */
public record HubAccountId(UUID value) {

    public HubAccountId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an id from its text form, as found in a URL.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static HubAccountId parse(String text) {
        return new HubAccountId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
