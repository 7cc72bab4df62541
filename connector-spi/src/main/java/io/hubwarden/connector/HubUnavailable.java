package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * The hub or the way to it failed: a server error, a timeout, a refused connection, an answer that is not the
 * hub's format. The request may or may not have taken effect. Retry later: invitations, role changes and grants
 * are safe to repeat, and a repeated removal or cancellation may answer {@link HubNotFound}.
 */
public final class HubUnavailable extends HubFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, without secrets
     * @param traceId the hub's request id, or {@code null}
     * @param cause the underlying I/O failure, or {@code null}
     */
    public HubUnavailable(String message, @Nullable String traceId, @Nullable Throwable cause) {
        super(message, traceId, cause);
    }
}
