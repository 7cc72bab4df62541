package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * The token is expired, revoked or otherwise no longer accepted. Retrying with the same token will not help; the
 * person or operator who provided it must connect again.
 */
public final class HubAuthExpired extends HubFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what the hub said, without secrets
     * @param traceId the hub's request id, or {@code null}
     */
    public HubAuthExpired(String message, @Nullable String traceId) {
        super(message, traceId, null);
    }
}
