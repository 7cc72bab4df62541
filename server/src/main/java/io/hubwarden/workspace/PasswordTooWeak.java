package io.hubwarden.workspace;

/** A new password was refused by the password rules. */
public final class PasswordTooWeak extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int minimumLength;
    private final int maximumLength;

    PasswordTooWeak(int minimumLength, int maximumLength) {
        super("A password has " + minimumLength + " to " + maximumLength + " characters");
        this.minimumLength = minimumLength;
        this.maximumLength = maximumLength;
    }

    public int minimumLength() {
        return minimumLength;
    }

    public int maximumLength() {
        return maximumLength;
    }
}
