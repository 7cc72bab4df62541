package io.hubwarden.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.TestClock;
import io.hubwarden.TestMailbox;
import io.hubwarden.Unique;
import io.hubwarden.simulator.mail.Mail;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.AssertablePublishedEvents;

@WorkspaceModuleTest
class WorkspacesTests {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    Workspaces workspaces;

    @Autowired
    TestClock clock;

    @Nested
    class WhenCreating {

        @Test
        void createsTheWorkspaceWithAnActiveOwner(AssertablePublishedEvents events) {
            var email = Unique.email("Owner");

            var created = workspaces.create(
                    Unique.name("Acme Ads"), " " + email.toUpperCase(Locale.ROOT) + " ", "Ada", PASSWORD);

            assertThat(workspaces.person(created.ownerId())).hasValueSatisfying(owner -> {
                assertThat(owner.email()).isEqualTo(email);
                assertThat(owner.role()).isEqualTo(WorkspaceRole.OWNER);
                assertThat(owner.status()).isEqualTo(PersonStatus.ACTIVE);
                assertThat(owner.workspaceId()).isEqualTo(created.workspaceId());
            });
            assertThat(events)
                    .contains(WorkspaceCreated.class)
                    .matching(WorkspaceCreated::workspaceId, created.workspaceId());
        }

        @Test
        void workspacesWithTheSameNameGetDistinctSlugs() {
            var name = Unique.name("Acme, Inc.");

            var first = workspaces.create(name, Unique.email("a"), "Ada", PASSWORD);
            var second = workspaces.create(name, Unique.email("b"), "Bob", PASSWORD);

            assertThat(first.slug()).matches("acme-inc-[0-9a-f]+");
            assertThat(second.slug()).isEqualTo(first.slug() + "-2");
        }

        @Test
        void refusesAShortOwnerPassword() {
            assertThatThrownBy(() -> workspaces.create(Unique.name("Acme"), Unique.email("o"), "Ada", "short"))
                    .isInstanceOf(PasswordTooWeak.class);
        }
    }

    @Nested
    class WhenInviting {

        @Test
        void invitationMailsASetPasswordLinkAndPublishesPersonInvited(AssertablePublishedEvents events) {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Grace");

            var invited = workspaces.invite(workspace.ownerId(), email, "Grace Hopper", WorkspaceRole.USER);

            var mail = mailTo(email);
            assertThat(mail.subject()).contains("invited you to").contains(workspace.name());
            assertThat(mail.text()).contains("Grace Hopper").contains("until");
            assertThat(invitationPath(mail)).startsWith("/invitations/");
            assertThat(workspaces.person(workspace.workspaceId(), invited.personId()))
                    .hasValueSatisfying(person -> assertThat(person.status()).isEqualTo(PersonStatus.INVITED));
            assertThat(events).contains(PersonInvited.class).matching(PersonInvited::personId, invited.personId());
        }

        @Test
        void sameEmailTwiceInOneWorkspaceIsRefused() {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Grace");
            workspaces.invite(workspace.ownerId(), email, "Grace", WorkspaceRole.USER);

            assertThatThrownBy(() -> workspaces.invite(
                            workspace.ownerId(), email.toUpperCase(Locale.ROOT), "Grace again", WorkspaceRole.ADMIN))
                    .isInstanceOf(PersonAlreadyInWorkspace.class);
        }

        @Test
        void sameEmailMayBeAPersonOfTwoWorkspaces() {
            var email = Unique.email("Consultant");
            var first = aWorkspaceWithOwner();
            var second = aWorkspaceWithOwner();

            var one = workspaces.invite(first.ownerId(), email, "Casey", WorkspaceRole.USER);
            var two = workspaces.invite(second.ownerId(), email, "Casey", WorkspaceRole.GUEST_USER);

            assertThat(one.personId()).isNotEqualTo(two.personId());
            assertThat(workspaces.findByEmail(first.workspaceId(), email)).isPresent();
            assertThat(workspaces.findByEmail(second.workspaceId(), email)).isPresent();
        }

        @Test
        void adminMayNotInviteAboveTheirOwnRole() {
            var workspace = aWorkspaceWithOwner();
            var admin = anActivePerson(workspace, WorkspaceRole.ADMIN);

            assertThatThrownBy(() -> workspaces.invite(admin, Unique.email("boss"), "Boss", WorkspaceRole.SUPER_ADMIN))
                    .isInstanceOf(PermissionDenied.class);
        }

        @Test
        void userMayNotInviteAtAll() {
            var workspace = aWorkspaceWithOwner();
            var user = anActivePerson(workspace, WorkspaceRole.USER);

            assertThatThrownBy(
                            () -> workspaces.invite(user, Unique.email("friend"), "Friend", WorkspaceRole.GUEST_USER))
                    .isInstanceOf(PermissionDenied.class);
        }

        @Test
        void nobodyResendsAnInvitationIntoAnotherWorkspace() {
            var mine = aWorkspaceWithOwner();
            var theirs = aWorkspaceWithOwner();
            var invited = workspaces.invite(theirs.ownerId(), Unique.email("guest"), "Guest", WorkspaceRole.USER);

            assertThatThrownBy(() -> workspaces.resendInvitation(mine.ownerId(), invited.personId()))
                    .isInstanceOf(PersonNotFound.class);
        }
    }

    @Nested
    class WhenAccepting {

        @Test
        void settingThePasswordActivatesThePerson(AssertablePublishedEvents events) {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Grace");
            var invited = workspaces.invite(workspace.ownerId(), email, "Grace", WorkspaceRole.ADMIN);
            var token = token(mailTo(email));

            var pending = workspaces.pendingInvitation(token);
            var person = workspaces.acceptInvitation(token, PASSWORD);

            assertThat(pending.workspaceName()).isEqualTo(workspace.name());
            assertThat(pending.email()).isEqualTo(email);
            assertThat(person.status()).isEqualTo(PersonStatus.ACTIVE);
            assertThat(person.activatedAt()).isNotNull();
            assertThat(events).contains(PersonActivated.class).matching(PersonActivated::personId, invited.personId());
        }

        @Test
        void linkWorksOnlyOnce() {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Grace");
            workspaces.invite(workspace.ownerId(), email, "Grace", WorkspaceRole.USER);
            var token = token(mailTo(email));
            workspaces.acceptInvitation(token, PASSWORD);

            assertThatThrownBy(() -> workspaces.acceptInvitation(token, "another long password"))
                    .isInstanceOf(InvitationAlreadyUsed.class);
            assertThatThrownBy(() -> workspaces.pendingInvitation(token)).isInstanceOf(InvitationAlreadyUsed.class);
        }

        @Test
        void linkExpiresAfterSevenDays() {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Late");
            workspaces.invite(workspace.ownerId(), email, "Late", WorkspaceRole.USER);
            var token = token(mailTo(email));

            clock.advance(Duration.ofDays(7).plusMinutes(1));

            assertThatThrownBy(() -> workspaces.acceptInvitation(token, PASSWORD))
                    .isInstanceOf(InvitationExpired.class);
        }

        @Test
        void unknownLinkIsRefused() {
            assertThatThrownBy(() -> workspaces.pendingInvitation("not-a-token"))
                    .isInstanceOf(InvitationUnknown.class);
        }

        @Test
        void weakPasswordLeavesTheLinkUsable() {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Grace");
            workspaces.invite(workspace.ownerId(), email, "Grace", WorkspaceRole.USER);
            var token = token(mailTo(email));

            assertThatThrownBy(() -> workspaces.acceptInvitation(token, "short"))
                    .isInstanceOf(PasswordTooWeak.class);
            assertThat(workspaces.acceptInvitation(token, PASSWORD).status()).isEqualTo(PersonStatus.ACTIVE);
        }

        @Test
        void resendingReplacesTheEarlierLink() {
            var workspace = aWorkspaceWithOwner();
            var email = Unique.email("Grace");
            var invited = workspaces.invite(workspace.ownerId(), email, "Grace", WorkspaceRole.USER);
            var first = token(mailTo(email));

            workspaces.resendInvitation(workspace.ownerId(), invited.personId());

            var second = TestMailbox.get().mailsTo(email).stream()
                    .map(WorkspacesTests::token)
                    .filter(candidate -> !candidate.equals(first))
                    .findFirst()
                    .orElseThrow();
            assertThatThrownBy(() -> workspaces.pendingInvitation(first)).isInstanceOf(InvitationAlreadyUsed.class);
            assertThat(workspaces.pendingInvitation(second).email()).isEqualTo(email);
        }
    }

    @Nested
    class WhenReading {

        @Test
        void personOfAnotherWorkspaceIsNotFound() {
            var mine = aWorkspaceWithOwner();
            var theirs = aWorkspaceWithOwner();

            assertThat(workspaces.person(mine.workspaceId(), theirs.ownerId())).isEmpty();
            assertThat(workspaces.person(theirs.workspaceId(), theirs.ownerId()))
                    .isPresent();
        }

        @Test
        void peopleOfAWorkspaceAreOnlyItsOwn() {
            var mine = aWorkspaceWithOwner();
            var theirs = aWorkspaceWithOwner();
            workspaces.invite(theirs.ownerId(), Unique.email("other"), "Other", WorkspaceRole.USER);

            assertThat(workspaces.peopleOf(mine.workspaceId()))
                    .extracting(PersonView::id)
                    .containsExactly(mine.ownerId());
        }

        @Test
        void malformedEmailFindsNobody() {
            assertThat(workspaces.findByEmail(aWorkspaceWithOwner().workspaceId(), "not an email"))
                    .isEmpty();
        }
    }

    WorkspaceCreated aWorkspaceWithOwner() {
        return workspaces.create(Unique.name("Acme"), Unique.email("owner"), "Olivia Owner", PASSWORD);
    }

    /** A person of the workspace with the role, invited by its Owner and through with their invitation. */
    PersonId anActivePerson(WorkspaceCreated workspace, WorkspaceRole role) {
        var email = Unique.email(role.name());
        var invited = workspaces.invite(workspace.ownerId(), email, role.name(), role);
        workspaces.acceptInvitation(token(mailTo(email)), PASSWORD);
        return invited.personId();
    }

    static Mail mailTo(String email) {
        return TestMailbox.get().awaitMailTo(email, Duration.ofSeconds(10)).orElseThrow();
    }

    static String invitationPath(Mail mail) {
        return mail.links().stream()
                .map(link -> Objects.toString(link.getPath(), ""))
                .filter(path -> path.startsWith("/invitations/"))
                .findFirst()
                .orElseThrow();
    }

    static String token(Mail mail) {
        return invitationPath(mail).substring("/invitations/".length());
    }
}
