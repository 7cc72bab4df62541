package io.hubwarden.hub;

import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import org.jspecify.annotations.Nullable;

/**
 * What the live connection check found: the business, or why the hub refused, in words a page can turn into one
 * sentence, with the hub's trace id for support requests.
 *
 * @param business the business reached; {@code null} unless {@link Outcome#REACHED}
 * @param hubCode the hub's error code when it gave one (Meta {@code 200}, {@code 100/33}); else {@code null}
 * @param hubMessage what the hub said, without secrets; {@code null} when reached
 * @param traceId the hub's id for the failed request (Meta {@code fbtrace_id}); {@code null} if none
 */
public record ConnectionCheck(
        Outcome outcome,
        @Nullable BusinessInfo business,
        @Nullable String hubCode,
        @Nullable String hubMessage,
        @Nullable String traceId) {

    /** How the check ended. */
    public enum Outcome {
        /** The credential reaches the business. */
        REACHED,
        /** The hub knows no such business, or not for this credential: the business id is wrong. */
        BUSINESS_NOT_FOUND,
        /** The hub refused: the credential lacks a permission, or the app is not allowed on the business. */
        PERMISSION_MISSING,
        /** The token expired or was revoked. */
        TOKEN_EXPIRED,
        /** The hub throttled the check; try again in a while. */
        RATE_LIMITED,
        /** The hub could not be reached or failed. */
        HUB_UNAVAILABLE,
        /** The hub refused the sign-in code (used, expired, or the app settings are wrong). */
        SIGN_IN_REFUSED
    }

    static ConnectionCheck reached(BusinessInfo business) {
        return new ConnectionCheck(Outcome.REACHED, business, null, null, null);
    }

    /** The check's reading of a hub failure. */
    static ConnectionCheck failed(HubFailure failure) {
        var trace = failure.traceId().orElse(null);
        if (failure instanceof HubNotFound) {
            return new ConnectionCheck(Outcome.BUSINESS_NOT_FOUND, null, null, failure.getMessage(), trace);
        }
        if (failure instanceof HubRejected rejected) {
            return new ConnectionCheck(Outcome.PERMISSION_MISSING, null, rejected.code(), rejected.hubMessage(), trace);
        }
        if (failure instanceof HubAuthExpired) {
            return new ConnectionCheck(Outcome.TOKEN_EXPIRED, null, null, failure.getMessage(), trace);
        }
        if (failure instanceof HubRateLimited) {
            return new ConnectionCheck(Outcome.RATE_LIMITED, null, null, failure.getMessage(), trace);
        }
        return new ConnectionCheck(Outcome.HUB_UNAVAILABLE, null, null, failure.getMessage(), trace);
    }

    /** The code exchange of a sign-in failed. */
    static ConnectionCheck signInRefused(HubFailure failure) {
        var code = failure instanceof HubRejected rejected ? rejected.code() : null;
        return new ConnectionCheck(
                Outcome.SIGN_IN_REFUSED,
                null,
                code,
                failure.getMessage(),
                failure.traceId().orElse(null));
    }

    /** Whether the business was reached. */
    public boolean reached() {
        return outcome == Outcome.REACHED;
    }
}
