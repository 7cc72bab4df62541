package io.hubwarden.connector;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The hub throttled the caller. Retry after {@link #retryAfter()} when the hub said, else after a back-off. */
public final class HubRateLimited extends HubFailure {

    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    /**
     * @param message what the hub said, without secrets
     * @param retryAfter how long the hub asked to wait, or {@code null} when it did not say
     * @param traceId the hub's request id, or {@code null}
     */
    public HubRateLimited(String message, @Nullable Duration retryAfter, @Nullable String traceId) {
        super(message, traceId, null);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("a wait cannot be negative");
        }
        this.retryAfter = retryAfter;
    }

    /** How long the hub asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
