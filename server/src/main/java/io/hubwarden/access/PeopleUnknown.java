package io.hubwarden.access;

import java.util.List;

/** A share named addresses that are not people of the workspace (or are not e-mail addresses); nothing was saved. */
public final class PeopleUnknown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable list of strings
    private final List<String> emails;

    PeopleUnknown(List<String> emails) {
        super("Not people of this workspace: " + String.join(", ", emails));
        this.emails = List.copyOf(emails);
    }

    /** The addresses as typed. */
    public List<String> emails() {
        return emails;
    }
}
