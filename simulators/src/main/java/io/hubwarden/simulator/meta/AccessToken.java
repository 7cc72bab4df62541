package io.hubwarden.simulator.meta;

import java.time.Instant;
import java.util.Set;

/**
 * A token the simulator issued.
 *
 * @param value the opaque string clients send
 * @param kind whose token it is
 * @param appId the app it was issued to
 * @param subjectId the person ({@link FacebookPerson#id()}) or system user it acts for; the app id for app tokens
 * @param scopes the permissions granted with it
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 */
record AccessToken(
        String value,
        Kind kind,
        String appId,
        String subjectId,
        Set<String> scopes,
        Instant issuedAt,
        Instant expiresAt) {

    enum Kind {
        USER,
        SYSTEM_USER,
        APP
    }

    AccessToken {
        scopes = Set.copyOf(scopes);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
