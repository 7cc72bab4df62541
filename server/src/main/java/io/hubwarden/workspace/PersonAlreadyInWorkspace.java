package io.hubwarden.workspace;

/** Someone with this email is already a person of the workspace. */
public final class PersonAlreadyInWorkspace extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PersonAlreadyInWorkspace(EmailAddress email) {
        super(email + " is already a person of this workspace");
    }
}
