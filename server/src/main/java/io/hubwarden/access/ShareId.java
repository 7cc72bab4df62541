package io.hubwarden.access;

import java.util.Objects;
import java.util.UUID;

/** Identifies an {@link AccessShare}. */
public record ShareId(UUID value) {

    public ShareId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an id from its text form, as found in a URL.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static ShareId parse(String text) {
        return new ShareId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
