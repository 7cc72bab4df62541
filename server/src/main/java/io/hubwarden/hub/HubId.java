package io.hubwarden.hub;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a connected hub. */
public record HubId(UUID value) implements Serializable {

    private static final long serialVersionUID = 1L;

    public HubId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an id from its text form, as found in a URL.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static HubId parse(String text) {
        return new HubId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
