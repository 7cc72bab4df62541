package io.hubwarden.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request a simulator answered, for assertions about what a client sent.
 *
 * @param at when it was answered, by the simulated clock
 * @param method the HTTP method
 * @param path the request path as sent (with the hub's version prefix)
 * @param params query and body parameters merged, in order; passwords are replaced by {@code ***}
 * @param status the HTTP status of the answer
 * @param errorCode the hub's error code in the answer, or null when it succeeded
 */
public record LoggedRequest(
        Instant at,
        String method,
        String path,
        Map<String, List<String>> params,
        int status,
        @Nullable Integer errorCode) {

    /** Copies the parameters. */
    public LoggedRequest {
        params = Map.copyOf(params);
    }
}
