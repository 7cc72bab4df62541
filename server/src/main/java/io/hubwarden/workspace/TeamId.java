package io.hubwarden.workspace;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a team. */
public record TeamId(UUID value) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an id from its text form, as found in a URL.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static TeamId parse(String text) {
        return new TeamId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
