package io.hubwarden.access;

/**
 * Something the person or the hub's managers should know about a membership, beside its status: why it failed, or
 * what it is waiting for. Never holds a secret.
 *
 * @param code a stable code (such as {@code HUB_BUSY}, {@code PROFILE_NOT_MEMBER}, or a job failure code)
 * @param message a readable explanation
 */
public record MembershipNote(String code, String message) {

    /** The hub throttled or failed the invitation call; the job waits and tries again. */
    public static final String HUB_BUSY = "HUB_BUSY";

    /** The person connected a profile that has not accepted the hub's invitation yet. */
    public static final String PROFILE_PENDING = "PROFILE_PENDING";

    /** The person connected a profile that is not a member of the business. */
    public static final String PROFILE_NOT_MEMBER = "PROFILE_NOT_MEMBER";

    private static final int MAX_MESSAGE = 1000;

    public MembershipNote {
        if (code.isBlank() || code.length() > 100) {
            throw new IllegalArgumentException("a note code is 1 to 100 characters");
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }
}
