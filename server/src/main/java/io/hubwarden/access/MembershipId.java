package io.hubwarden.access;

import java.util.Objects;
import java.util.UUID;

/** Identifies a {@link Membership}. */
public record MembershipId(UUID value) {

    public MembershipId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an id from its text form, as found in a URL.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static MembershipId parse(String text) {
        return new MembershipId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
