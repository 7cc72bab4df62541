package io.hubwarden.workspace;

/** The invitation link was used already, or a newer invitation replaced it. */
public final class InvitationAlreadyUsed extends InvitationUnusable {

    private static final long serialVersionUID = 1L;

    InvitationAlreadyUsed() {
        super("The invitation was used already");
    }
}
