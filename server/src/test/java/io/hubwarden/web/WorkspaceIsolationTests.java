package io.hubwarden.web;

import static io.hubwarden.web.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.TestMailbox;
import io.hubwarden.Unique;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Nothing crosses workspaces, and roles decide what a person sees and does. */
@DashboardTest
class WorkspaceIsolationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Workspaces workspaces;

    @Test
    void personOfAnotherWorkspaceIsNotFound() {
        var fixtures = new Fixtures(workspaces);
        var mine = fixtures.aWorkspaceWithOwner();
        var theirs = fixtures.aWorkspaceWithOwner();
        var browser = signedIn(mine.email());

        var page = browser.open("/people/" + theirs.created().ownerId());

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(theirs.email());
    }

    @Test
    void invitationOfAnotherWorkspaceCannotBeSentAgain() {
        var fixtures = new Fixtures(workspaces);
        var mine = fixtures.aWorkspaceWithOwner();
        var theirs = fixtures.aWorkspaceWithOwner();
        var email = Unique.email("theirs");
        var invited = workspaces.invite(theirs.created().ownerId(), email, "Theirs", WorkspaceRole.USER);
        Fixtures.mailTo(email);
        var browser = signedIn(mine.email());
        browser.open("/");

        var page = browser.submit("/people/" + invited.personId() + "/invitation", Map.of());

        assertThat(page.status()).isEqualTo(404);
        assertThat(TestMailbox.get().mailsTo(email)).hasSize(1);
    }

    @Test
    void homeListsOnlyPeopleOfOnesOwnWorkspace() {
        var fixtures = new Fixtures(workspaces);
        var mine = fixtures.aWorkspaceWithOwner();
        var theirs = fixtures.aWorkspaceWithOwner();
        var browser = signedIn(mine.email());

        var home = browser.open("/");

        assertThat(home.body()).contains(mine.email()).doesNotContain(theirs.email());
    }

    @Test
    void personPageOfOnesOwnWorkspaceIsShown() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();

        var page = signedIn(owner.email()).open("/people/" + owner.created().ownerId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(owner.email()).contains("Owner");
    }

    @Test
    void notAPersonIdIsNotFound() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();

        assertThat(signedIn(owner.email()).open("/people/42").status()).isEqualTo(404);
    }

    @Test
    void guestSeesNeitherPeopleNorTheInviteForm() {
        var fixtures = new Fixtures(workspaces);
        var owner = fixtures.aWorkspaceWithOwner();
        var guest = signedIn(fixtures.anActivePerson(owner, WorkspaceRole.GUEST_USER));

        var home = guest.open("/");
        var person = guest.open("/people/" + owner.created().ownerId());

        assertThat(home.body()).doesNotContain(owner.email()).doesNotContain("Invite a person");
        assertThat(person.status()).isEqualTo(403);
    }

    @Test
    void userSeesPeopleButMayNotInvite() {
        var fixtures = new Fixtures(workspaces);
        var owner = fixtures.aWorkspaceWithOwner();
        var user = signedIn(fixtures.anActivePerson(owner, WorkspaceRole.USER));
        var email = Unique.email("friend");

        var home = user.open("/");
        var refused =
                user.submit("/people/invitations", Map.of("email", email, "name", "Friend", "role", "GUEST_USER"));

        assertThat(home.body()).contains(owner.email()).doesNotContain("Invite a person");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(workspaces.findByEmail(owner.created().workspaceId(), email)).isEmpty();
    }

    @Test
    void adminMayNotInviteAnOwner() {
        var fixtures = new Fixtures(workspaces);
        var owner = fixtures.aWorkspaceWithOwner();
        var admin = signedIn(fixtures.anActivePerson(owner, WorkspaceRole.ADMIN));
        var email = Unique.email("boss");
        admin.open("/");

        var refused = admin.submit("/people/invitations", Map.of("email", email, "name", "Boss", "role", "OWNER"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You do not have access to this page.");
        assertThat(workspaces.findByEmail(owner.created().workspaceId(), email)).isEmpty();
    }

    private Browser signedIn(String email) {
        var browser = new Browser(mvc);
        assertThat(browser.signIn(email, PASSWORD).redirect()).isEqualTo("/");
        return browser;
    }
}
