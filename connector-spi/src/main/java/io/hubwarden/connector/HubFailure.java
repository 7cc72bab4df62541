package io.hubwarden.connector;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a call to a hub failed, in the closed vocabulary the host acts on: {@link HubRateLimited} (wait, then retry),
 * {@link HubAuthExpired} (ask for a new token), {@link HubNotFound} (the object is gone), {@link HubRejected} (the
 * hub refused the request as made; retrying the same request will not help) and {@link HubUnavailable} (the hub or
 * the network failed; retry later). Connectors throw nothing else for hub-side trouble.
 *
 * <p>Each failure carries the hub's trace id (Meta {@code fbtrace_id}, TikTok {@code request_id}) when the hub gave
 * one, for support requests. Messages never contain a token or any other secret.
 */
public abstract sealed class HubFailure extends RuntimeException
        permits HubRateLimited, HubAuthExpired, HubNotFound, HubRejected, HubUnavailable {

    private static final long serialVersionUID = 1L;

    private final @Nullable String traceId;

    HubFailure(String message, @Nullable String traceId, @Nullable Throwable cause) {
        super(traceId == null ? message : message + " (trace id " + traceId + ")", cause);
        this.traceId = traceId;
    }

    /** The hub's id for the failed request, if it gave one. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }
}
