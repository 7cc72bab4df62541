package io.hubwarden.automation;

/**
 * Thrown by a {@link JobHandler} to end its job FAILED at once, with no retry, under a code of the handler's own
 * (for instance {@code MEMBERSHIP_GONE}). The message must not contain secrets: it is stored and shown.
 */
public final class JobAborted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code a stable code, at most 100 characters
     * @param message what a person reading the job should know
     */
    public JobAborted(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
