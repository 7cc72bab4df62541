package io.hubwarden.web;

import io.hubwarden.TestMailbox;
import io.hubwarden.Unique;
import io.hubwarden.simulator.mail.Mail;
import io.hubwarden.workspace.WorkspaceCreated;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.Objects;

/** Domain situations for dashboard tests, built through the workspace module's API. */
final class Fixtures {

    static final String PASSWORD = "correct horse battery staple";

    private final Workspaces workspaces;

    Fixtures(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    /** A new workspace whose Owner signs in with {@link #PASSWORD}. */
    Owner aWorkspaceWithOwner() {
        var email = Unique.email("owner");
        var created = workspaces.create(Unique.name("Acme"), email, "Olivia Owner", PASSWORD);
        return new Owner(created, email);
    }

    /** An active person of the workspace with the role; signs in with {@link #PASSWORD}. Returns their email. */
    String anActivePerson(Owner owner, WorkspaceRole role) {
        var email = Unique.email(role.name());
        workspaces.invite(owner.created().ownerId(), email, "Pat " + role.name(), role);
        workspaces.acceptInvitation(invitationPath(mailTo(email)).substring("/invitations/".length()), PASSWORD);
        return email;
    }

    static Mail mailTo(String email) {
        return TestMailbox.get().awaitMailTo(email, Duration.ofSeconds(10)).orElseThrow();
    }

    /** The path of the set-password link in an invitation mail. */
    static String invitationPath(Mail mail) {
        return mail.links().stream()
                .map(link -> Objects.toString(link.getPath(), ""))
                .filter(path -> path.startsWith("/invitations/"))
                .findFirst()
                .orElseThrow();
    }

    record Owner(WorkspaceCreated created, String email) {}
}
