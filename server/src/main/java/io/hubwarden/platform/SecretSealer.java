package io.hubwarden.platform;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals secrets (hub tokens, profile tokens) for storage with an AEAD keyset whose master key lives outside the
 * database.
 *
 * <p>The associated data binds a sealed value to the row that holds it, for example {@code "hub:" + hubId +
 * ":service-token"}: a value sealed for one row does not open for another, so ciphertexts cannot be swapped between
 * rows or purposes. The associated data is authenticated, not encrypted, and must be reproducible when opening.
 *
 * <p>Sealing the same plaintext twice gives different results. Sealed values carry the id of the key that sealed
 * them, so a keyset with a new primary key still opens older values. Neither method logs its arguments.
 */
public final class SecretSealer {

    private final Aead aead;

    SecretSealer(Aead aead) {
        this.aead = aead;
    }

    /** Seals {@code plaintext} bound to {@code associatedData}; the result is URL-safe Base64 text. */
    public String seal(String plaintext, String associatedData) {
        try {
            var sealed = aead.encrypt(bytes(plaintext), bytes(associatedData));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The master keyset cannot seal: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Opens a value produced by {@link #seal} with the same associated data.
     *
     * @throws SecretUnreadable when the value was altered, sealed for other associated data, or sealed with a key
     *     that is no longer in the keyset
     */
    public String open(String sealed, String associatedData) {
        try {
            var plain = aead.decrypt(Base64.getUrlDecoder().decode(sealed), bytes(associatedData));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadable(associatedData, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
