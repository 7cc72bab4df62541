package io.hubwarden.connector.meta;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Turns Graph's error envelope into the SPI's failures by {@code error.code} and {@code error_subcode}. The HTTP
 * status alone decides nothing: Graph answers throttling and most errors with 400.
 */
final class GraphErrors {

    /** Object does not exist, cannot be loaded, or does not support the operation. */
    private static final int SUBCODE_NO_SUCH_OBJECT = 33;

    private static final TypeReference<Map<String, List<GraphWire.BusinessUseCase>>> USAGE = new TypeReference<>() {};

    private GraphErrors() {}

    /**
     * The failure for an error envelope.
     *
     * @param retryAfter the wait read from the usage header, or {@code null}
     * @param secrets values that must not appear in the message even if Graph echoes them
     */
    static HubFailure classify(GraphWire.GraphError error, @Nullable Duration retryAfter, List<Secret> secrets) {
        int code = error.code() == null ? 0 : error.code();
        Integer subcode = error.errorSubcode();
        String trace = error.fbtraceId();
        String codes = subcode == null ? Integer.toString(code) : code + "/" + subcode;
        String message = scrub(error.message() == null ? "(no message)" : error.message(), secrets);
        String described = "Graph API error " + codes + ": " + message;
        if (code == 1 || code == 2) {
            return new HubUnavailable(described, trace, null);
        }
        if (isThrottling(code)) {
            return new HubRateLimited(described, retryAfter, trace);
        }
        if (code == 102 || code == 190) {
            return new HubAuthExpired(described, trace);
        }
        if ((code == 100 && subcode != null && subcode == SUBCODE_NO_SUCH_OBJECT) || code == 803) {
            return new HubNotFound(described, trace);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return new HubRejected(codes, message, trace);
        }
        if (Boolean.TRUE.equals(error.isTransient())) {
            return new HubUnavailable(described, trace, null);
        }
        return new HubRejected(codes, message, trace);
    }

    /** The failure for an answer that carries no Graph error envelope. */
    static HubFailure unreadable(int status) {
        return new HubUnavailable("Graph API answered HTTP " + status + " without a Graph error", null, null);
    }

    /**
     * The wait Graph announces in {@code X-Business-Use-Case-Usage}: the longest {@code
     * estimated_time_to_regain_access} (minutes) of any entry, or {@code null} when the header is absent, unreadable
     * or says zero.
     */
    static @Nullable Duration retryAfter(@Nullable String businessUseCaseUsage) {
        if (businessUseCaseUsage == null || businessUseCaseUsage.isBlank()) {
            return null;
        }
        long minutes = 0;
        try {
            Map<String, List<GraphWire.BusinessUseCase>> usage = GraphWire.JSON.readValue(businessUseCaseUsage, USAGE);
            for (List<GraphWire.BusinessUseCase> cases : usage.values()) {
                for (GraphWire.BusinessUseCase useCase :
                        Objects.requireNonNullElse(cases, List.<GraphWire.BusinessUseCase>of())) {
                    Long regain = useCase.estimatedTimeToRegainAccess();
                    if (regain != null) {
                        minutes = Math.max(minutes, regain);
                    }
                }
            }
        } catch (JacksonException unreadable) {
            // Usage headers are advisory; without one the caller backs off on its own.
            return null;
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private static boolean isThrottling(int code) {
        return code == 4 || code == 17 || code == 32 || code == 368 || code == 613 || (code >= 80000 && code <= 80014);
    }

    private static String scrub(String message, List<Secret> secrets) {
        String scrubbed = message;
        for (Secret secret : secrets) {
            scrubbed = scrubbed.replace(secret.reveal(), "***");
        }
        return scrubbed;
    }
}
