package io.hubwarden.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time tokens (invitation links, later API keys): 256 random bits handed to a person once, and stored only as
 * their SHA-256 hash so that a copy of the database does not hold usable links.
 */
public final class Tokens {

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    /** A fresh token and its hash; store the hash, hand out the value. */
    public IssuedToken issue() {
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        var value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedToken(value, hashOf(value));
    }

    /** The stored form of a token: 64 lower-case hex digits of its SHA-256. */
    public String hashOf(String token) {
        return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
