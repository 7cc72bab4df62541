package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.Secret;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns TikTok's return codes ({@code code != 0} in the envelope) into the SPI's failures. The HTTP status says
 * nothing: TikTok answers business errors, throttling included, with 200.
 */
final class ApiErrors {

    private ApiErrors() {}

    /**
     * The failure for a return code.
     *
     * @param secrets values that must not appear in the message even if TikTok echoes them
     */
    static HubFailure classify(int code, @Nullable String message, @Nullable String requestId, List<Secret> secrets) {
        String said = scrub(message == null || message.isBlank() ? "(no message)" : message, secrets);
        String described = "TikTok API error " + code + ": " + said;
        if (code == 40100 || code == 40132 || code == 61000) {
            return new HubRateLimited(described, null, requestId);
        }
        if (code == 40102 || code == 40104 || code == 40105) {
            return new HubAuthExpired(described, requestId);
        }
        if (code == 40007 || code == 40300) {
            return new HubNotFound(described, requestId);
        }
        if (code == 40202 || code == 50000 || code == 50002 || (code >= 51000 && code <= 51099) || code == 60001) {
            return new HubUnavailable(described, requestId, null);
        }
        return new HubRejected(Integer.toString(code), said, requestId);
    }

    /** The failure for an answer that carries no envelope, or an outage status. */
    static HubFailure unreadable(int status) {
        return new HubUnavailable("TikTok API answered HTTP " + status + " without a readable envelope", null, null);
    }

    private static String scrub(String message, List<Secret> secrets) {
        String scrubbed = message;
        for (Secret secret : secrets) {
            scrubbed = scrubbed.replace(secret.reveal(), "***");
        }
        return scrubbed;
    }
}
