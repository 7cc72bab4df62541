package io.hubwarden.hub;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A service credential as stored: sealed for one hub and purpose.
 *
 * @param sealed the sealed token, never the token
 * @param expiresAt when the hub said the token stops working, or {@code null}
 */
record SealedCredential(
        String sealed, CredentialMethod method, @Nullable Instant expiresAt) {

    @Override
    public String toString() {
        return "SealedCredential[" + method + ", expiresAt=" + expiresAt + "]";
    }
}
