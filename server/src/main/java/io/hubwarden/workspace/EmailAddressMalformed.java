package io.hubwarden.workspace;

/** What was given as an email address is not one. */
public final class EmailAddressMalformed extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    EmailAddressMalformed(String typed) {
        super("Not an email address: '" + typed + "'");
    }
}
