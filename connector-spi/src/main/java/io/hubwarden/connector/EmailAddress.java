package io.hubwarden.connector;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, normalised (trimmed, lower case) so that two spellings of the same address compare equal.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * @throws IllegalArgumentException if the value is not shaped like an e-mail address
     */
    public EmailAddress {
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    /** Parses an address; same as the constructor. */
    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
