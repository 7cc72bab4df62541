package io.hubwarden.automation;

/**
 * Why the latest attempt of a job failed: a stable code to act on and a message to show. Neither ever holds a secret.
 *
 * <p>Codes set by the engine: {@code HUB_REJECTED:<hub's code>} (the hub refused the request; the message is the
 * hub's), {@code HUB_NOT_FOUND}, {@code HUB_UNAVAILABLE}, {@code HUB_RATE_LIMITED}, {@code HUB_AUTH_EXPIRED},
 * {@code WORKER_LOST} (the node running the job stopped), {@code NO_HANDLER} (no handler for the job's type on the
 * node that claimed it) and {@code UNEXPECTED_ERROR}. A handler may end a job with a code of its own by throwing
 * {@link JobAborted}.
 *
 * @param code a stable, machine-readable code, at most {@value #MAX_CODE} characters
 * @param message a readable explanation, cut to {@value #MAX_MESSAGE} characters
 */
public record JobFailure(String code, String message) {

    static final int MAX_CODE = 100;
    static final int MAX_MESSAGE = 1000;

    public JobFailure {
        if (code.isBlank() || code.length() > MAX_CODE) {
            throw new IllegalArgumentException("a failure code is 1 to " + MAX_CODE + " characters: " + code);
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }
}
