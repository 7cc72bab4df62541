package io.hubwarden.connector;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A token a hub issued for an authorization code.
 *
 * @param accessToken the token
 * @param expiresAt when it stops working, or {@code null} when the hub says it does not expire
 * @param scopes the permissions granted, when the hub reports them in the exchange; else empty
 */
public record IssuedToken(Secret accessToken, @Nullable Instant expiresAt, Set<String> scopes) {

    public IssuedToken {
        scopes = Set.copyOf(scopes);
    }
}
