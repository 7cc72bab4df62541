package io.hubwarden.workspace;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised work email address: trimmed and lower-cased, so that {@code " Ada@Example.COM"} and {@code
 * "ada@example.com"} are the same person. The check is deliberately plain (one {@code @}, a dotted domain, no
 * spaces); the invitation mail proves the rest.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value.length() > MAX_LENGTH
                || !value.equals(value.trim().toLowerCase(Locale.ROOT))
                || !SHAPE.matcher(value).matches()) {
            throw new EmailAddressMalformed(value);
        }
    }

    /**
     * Normalises and checks what a person typed.
     *
     * @throws EmailAddressMalformed when it is not an email address
     */
    public static EmailAddress parse(String typed) {
        return new EmailAddress(typed.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
