package io.hubwarden.automation;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** How an attempt ended, classified from what the handler threw. */
sealed interface Outcome {

    Outcome SUCCEEDED = new Succeeded();

    /** The closed vocabulary of the connector SPI first, then the handler's own abort, then anything else. */
    static Outcome of(RuntimeException thrown) {
        if (thrown instanceof HubRateLimited limited) {
            return new RateLimited(
                    new JobFailure("HUB_RATE_LIMITED", String.valueOf(limited.getMessage())),
                    limited.retryAfter().orElse(null));
        }
        if (thrown instanceof HubAuthExpired) {
            return new AuthExpired(new JobFailure("HUB_AUTH_EXPIRED", String.valueOf(thrown.getMessage())));
        }
        if (thrown instanceof HubRejected rejected) {
            return new Failed(new JobFailure("HUB_REJECTED:" + rejected.code(), rejected.hubMessage()), false);
        }
        if (thrown instanceof HubNotFound) {
            return new Failed(new JobFailure("HUB_NOT_FOUND", String.valueOf(thrown.getMessage())), false);
        }
        if (thrown instanceof HubUnavailable) {
            return new Failed(new JobFailure("HUB_UNAVAILABLE", String.valueOf(thrown.getMessage())), true);
        }
        if (thrown instanceof JobAborted aborted) {
            return new Failed(new JobFailure(aborted.code(), String.valueOf(aborted.getMessage())), false);
        }
        // The message of an arbitrary exception may quote anything, secrets included: only its kind is kept.
        return new Failed(
                new JobFailure(
                        "UNEXPECTED_ERROR",
                        "The job failed unexpectedly (" + thrown.getClass().getSimpleName()
                                + "); the server log has the details."),
                true);
    }

    record Succeeded() implements Outcome {}

    /** The attempt failed; {@code retryable} says whether another attempt may help. */
    record Failed(JobFailure failure, boolean retryable) implements Outcome {}

    /** The hub throttled the call; {@code retryAfter} is what the hub asked for, when it said. */
    record RateLimited(JobFailure failure, @Nullable Duration retryAfter) implements Outcome {}

    /** The hub no longer accepts the credentials the job used. */
    record AuthExpired(JobFailure failure) implements Outcome {}
}
