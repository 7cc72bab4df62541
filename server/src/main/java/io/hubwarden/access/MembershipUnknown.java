package io.hubwarden.access;

/** The workspace has no such membership. */
public final class MembershipUnknown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MembershipUnknown(String message) {
        super(message);
    }
}
