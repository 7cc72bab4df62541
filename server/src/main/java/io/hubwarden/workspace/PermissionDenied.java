package io.hubwarden.workspace;

/** The acting person's role does not allow what they asked for. */
public final class PermissionDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PermissionDenied(String refusal) {
        super(refusal);
    }
}
