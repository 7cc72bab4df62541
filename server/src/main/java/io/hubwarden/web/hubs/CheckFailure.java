package io.hubwarden.web.hubs;

import io.hubwarden.hub.ConnectionCheck;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Why a live connection check failed, as a page shows it: the outcome in words (from messages, {@code
 * hubs.check.<outcome>}) and what the hub said, with its code and trace id. Serializable, so that it survives a
 * redirect in the session's flash attributes; it never holds the credential.
 */
record CheckFailure(
        String outcome,
        @Nullable String hubMessage,
        @Nullable String hubCode,
        @Nullable String traceId) implements Serializable {

    private static final long serialVersionUID = 1L;

    static CheckFailure of(ConnectionCheck check) {
        return new CheckFailure(check.outcome().name(), check.hubMessage(), check.hubCode(), check.traceId());
    }
}
