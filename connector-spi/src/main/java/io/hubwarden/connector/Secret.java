package io.hubwarden.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (an access token, an app secret) that never shows itself by accident: {@link #toString()} prints a
 * mask, so a secret inside a record, a log line or an exception message stays hidden. Only {@link #reveal()} gives
 * the value, and only code that sends it to the hub should call it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws IllegalArgumentException if the value is blank
     */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself; call it only to put the value on the wire. */
    public String reveal() {
        return value;
    }

    /** Whether {@code text} contains this secret; lets tests prove a message or a log line does not. */
    public boolean isIn(String text) {
        return text.contains(value);
    }

    /** Compares in constant time so that equality checks do not leak the value through timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
