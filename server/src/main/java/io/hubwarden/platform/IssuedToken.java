package io.hubwarden.platform;

/**
 * A token as issued: the value goes to its holder once, the hash goes to the database.
 *
 * @param value what the holder presents (URL-safe Base64, 43 characters)
 * @param hash what is stored (see {@link Tokens#hashOf(String)})
 */
public record IssuedToken(String value, String hash) {

    /** Keeps the value out of logs and exception messages. */
    @Override
    public String toString() {
        return "IssuedToken[hash=" + hash + "]";
    }
}
