package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/** The person, invitation or asset the call named does not exist (any more) in the business. */
public final class HubNotFound extends HubFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what the hub said, without secrets
     * @param traceId the hub's request id, or {@code null}
     */
    public HubNotFound(String message, @Nullable String traceId) {
        super(message, traceId, null);
    }
}
