package io.hubwarden.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request a simulator answered, for assertions about what a client sent.
 *
 * @param at when it was answered, by the simulated clock
 * @param method the HTTP method
 * @param path the request path as sent (with the hub's version prefix)
 * @param params query and body parameters merged, in order; passwords and app secrets are replaced by {@code ***}
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

    /** Parameters whose values a log must not show. */
    private static final Set<String> HIDDEN = Set.of("password", "client_secret", "secret");

    /** Copies the parameters. */
    public LoggedRequest {
        params = Map.copyOf(params);
    }

    /** The entry for an answered request, its passwords and app secrets hidden. */
    public static LoggedRequest of(Instant at, IncomingRequest request, int status, @Nullable Integer errorCode) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.params().forEach((name, values) -> {
            List<String> shown = new ArrayList<>(values);
            if (HIDDEN.contains(name)) {
                shown.replaceAll(value -> "***");
            }
            params.put(name, List.copyOf(shown));
        });
        return new LoggedRequest(at, request.method(), request.path(), params, status, errorCode);
    }
}
