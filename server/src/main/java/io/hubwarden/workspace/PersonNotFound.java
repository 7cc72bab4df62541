package io.hubwarden.workspace;

/** No person with this id exists in the caller's workspace (people of other workspaces are not found either). */
public final class PersonNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PersonNotFound(PersonId personId) {
        super("No person " + personId + " in this workspace");
    }
}
