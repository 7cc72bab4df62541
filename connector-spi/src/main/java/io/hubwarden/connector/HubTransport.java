package io.hubwarden.connector;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What a connector needs from its host to talk to a hub: an HTTP client (shared, so that connections are pooled),
 * the clock it reads hub-relative times against, and how long one request may take.
 *
 * @param http the client to send every request with
 * @param clock the clock for turning "expires in" into instants
 * @param requestTimeout the limit for one request, after which the call fails with {@link HubUnavailable}
 */
public record HubTransport(HttpClient http, Clock clock, Duration requestTimeout) {

    /** The timeout used by {@link #of(HttpClient, Clock)}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public HubTransport {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("a request timeout must be positive");
        }
    }

    /** A transport with the default request timeout. */
    public static HubTransport of(HttpClient http, Clock clock) {
        return new HubTransport(http, clock, DEFAULT_REQUEST_TIMEOUT);
    }
}
