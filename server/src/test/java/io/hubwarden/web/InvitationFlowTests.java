package io.hubwarden.web;

import static io.hubwarden.web.Fixtures.PASSWORD;
import static io.hubwarden.web.Fixtures.invitationPath;
import static io.hubwarden.web.Fixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.TestClock;
import io.hubwarden.Unique;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@DashboardTest
class InvitationFlowTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Workspaces workspaces;

    @Autowired
    TestClock clock;

    @Test
    void ownerInvitesAPersonWhoSetsAPasswordAndSignsIn() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        var ownerBrowser = new Browser(mvc);
        ownerBrowser.follow(ownerBrowser.signIn(owner.email(), PASSWORD));
        var email = Unique.email("grace");

        var invited = ownerBrowser.submit(
                "/people/invitations", Map.of("email", email, "name", "Grace Hopper", "role", "ADMIN"));
        var home = ownerBrowser.follow(invited);
        var link = invitationPath(mailTo(email));
        var newcomer = new Browser(mvc);
        var setPassword = newcomer.open(link);
        var passwordSet = newcomer.submit(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));
        var signIn = newcomer.follow(passwordSet);
        var signedIn = newcomer.submit(
                "/sign-in",
                Map.of(
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "workspace",
                        owner.created().slug()));

        assertThat(home.body()).contains("Invitation sent to " + email + ".").contains("Grace Hopper");
        assertThat(setPassword.status()).isEqualTo(200);
        assertThat(setPassword.body())
                .contains("Set your password")
                .contains("Welcome, Grace Hopper. You are invited to "
                        + owner.created().name());
        assertThat(passwordSet.redirect()).isEqualTo("/sign-in");
        assertThat(signIn.body()).contains("Your password is set.").contains(email);
        assertThat(signedIn.redirect()).isEqualTo("/");
        assertThat(newcomer.follow(signedIn).body()).contains("Grace Hopper (Admin)");
    }

    @Test
    void usedLinkShowsAReadablePage() {
        var link = anInvitationLink();
        var newcomer = new Browser(mvc);
        newcomer.open(link);
        newcomer.submit(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));

        var again = newcomer.open(link);

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body())
                .contains("This invitation link cannot be used")
                .contains("This invitation was used already.")
                .doesNotContain("Exception");
    }

    @Test
    void expiredLinkShowsAReadablePage() {
        var link = anInvitationLink();
        var newcomer = new Browser(mvc);
        newcomer.open(link);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        var submitted = newcomer.submit(link, Map.of("password", PASSWORD, "confirmation", PASSWORD));
        var opened = newcomer.open(link);

        assertThat(submitted.status()).isEqualTo(410);
        assertThat(opened.status()).isEqualTo(410);
        assertThat(opened.body()).contains("This invitation has expired. Ask the person who invited you");
    }

    @Test
    void unknownLinkShowsAReadablePage() {
        var page = new Browser(mvc).open("/invitations/made-up-token");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("This link is not a valid invitation.");
    }

    @Test
    void differentConfirmationKeepsTheLinkAndSaysWhy() {
        var link = anInvitationLink();
        var newcomer = new Browser(mvc);
        newcomer.open(link);

        var page = newcomer.submit(link, Map.of("password", PASSWORD, "confirmation", PASSWORD + "!"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The two passwords are not the same.").doesNotContain(PASSWORD);
        assertThat(newcomer.open(link).status()).isEqualTo(200);
    }

    @Test
    void shortPasswordIsRefusedWithTheRule() {
        var link = anInvitationLink();
        var newcomer = new Browser(mvc);
        newcomer.open(link);

        var page = newcomer.submit(link, Map.of("password", "short", "confirmation", "short"));

        assertThat(page.body()).contains("A password has 12 to 128 characters.");
    }

    @Test
    void inviteFormExplainsAMalformedOrTakenEmail() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        var browser = new Browser(mvc);
        browser.follow(browser.signIn(owner.email(), PASSWORD));

        var malformed = browser.submit(
                "/people/invitations", Map.of("email", "grace at example", "name", "Grace", "role", "USER"));
        var taken =
                browser.submit("/people/invitations", Map.of("email", owner.email(), "name", "Again", "role", "USER"));

        assertThat(malformed.body()).contains("This is not an email address.");
        assertThat(taken.body()).contains("Someone with this email is already in the workspace.");
    }

    @Test
    void ownerSendsTheInvitationAgainFromThePersonPage() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        var email = Unique.email("late");
        var invited = workspaces.invite(owner.created().ownerId(), email, "Late", WorkspaceRole.USER);
        var first = invitationPath(mailTo(email));
        var browser = new Browser(mvc);
        browser.follow(browser.signIn(owner.email(), PASSWORD));

        browser.open("/people/" + invited.personId());
        var resent = browser.follow(browser.submit("/people/" + invited.personId() + "/invitation", Map.of()));

        assertThat(resent.body()).contains("Invitation sent to " + email + ".");
        assertThat(new Browser(mvc).open(first).status()).isEqualTo(410);
    }

    private String anInvitationLink() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        var email = Unique.email("newcomer");
        workspaces.invite(owner.created().ownerId(), email, "Newcomer", WorkspaceRole.USER);
        return invitationPath(mailTo(email));
    }
}
