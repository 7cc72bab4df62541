package io.hubwarden.hub;

/** The live connection check failed; {@link #check()} names the hub's error. Nothing was stored. */
public final class ConnectionFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // a record of strings
    private final ConnectionCheck check;

    ConnectionFailed(ConnectionCheck check) {
        super("Connection check failed: " + check.outcome());
        this.check = check;
    }

    public ConnectionCheck check() {
        return check;
    }
}
