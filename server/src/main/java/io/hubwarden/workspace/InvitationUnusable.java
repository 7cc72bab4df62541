package io.hubwarden.workspace;

/**
 * An invitation link that cannot be used: unknown, expired or used already. Pages show the reason and what to do; it
 * never reveals whose invitation it was.
 */
public abstract sealed class InvitationUnusable extends RuntimeException
        permits InvitationUnknown, InvitationExpired, InvitationAlreadyUsed {

    private static final long serialVersionUID = 1L;

    InvitationUnusable(String message) {
        super(message);
    }
}
