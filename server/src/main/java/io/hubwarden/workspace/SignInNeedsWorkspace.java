package io.hubwarden.workspace;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.AuthenticationException;

/**
 * The email and password are right for people in several workspaces: the person must choose one. Only raised after
 * the password matched, so it reveals nothing to someone who does not know it.
 */
public final class SignInNeedsWorkspace extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable list of serializable records
    private final List<WorkspaceChoice> choices;

    SignInNeedsWorkspace(List<WorkspaceChoice> choices) {
        super("The email belongs to several workspaces");
        this.choices = List.copyOf(choices);
    }

    public List<WorkspaceChoice> choices() {
        return choices;
    }

    /** A workspace to choose at sign-in. */
    public record WorkspaceChoice(String slug, String name) implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
