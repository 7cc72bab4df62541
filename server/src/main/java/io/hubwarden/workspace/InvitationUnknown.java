package io.hubwarden.workspace;

/** No invitation has this link: mistyped, cut short, or never issued. */
public final class InvitationUnknown extends InvitationUnusable {

    private static final long serialVersionUID = 1L;

    InvitationUnknown() {
        super("No invitation has this link");
    }
}
