package io.hubwarden.platform;

/**
 * A sealed secret did not open: it was altered, belongs to another row or purpose, or its key left the keyset. The
 * message names the associated data only, never the secret.
 */
public final class SecretUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SecretUnreadable(String associatedData, Throwable cause) {
        super("The sealed secret for '" + associatedData + "' cannot be opened with the master keyset", cause);
    }
}
