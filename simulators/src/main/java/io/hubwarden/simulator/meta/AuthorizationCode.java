package io.hubwarden.simulator.meta;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A code the login dialog handed to a redirect URI: single use, short-lived, bound to the dialog's redirect URI.
 *
 * @param value the code
 * @param appId the app it was issued for
 * @param personId the person who consented
 * @param redirectUri the dialog's redirect URI, which the exchange must repeat exactly
 * @param scopes what the person granted
 * @param expiresAt when it can no longer be exchanged
 * @param used whether it was already exchanged
 */
record AuthorizationCode(
        String value,
        String appId,
        String personId,
        URI redirectUri,
        Set<String> scopes,
        Instant expiresAt,
        boolean used) {

    AuthorizationCode {
        scopes = Set.copyOf(scopes);
    }

    AuthorizationCode markUsed() {
        return new AuthorizationCode(value, appId, personId, redirectUri, scopes, expiresAt, true);
    }
}
