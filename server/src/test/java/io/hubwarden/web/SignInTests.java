package io.hubwarden.web;

import static io.hubwarden.web.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.TestClock;
import io.hubwarden.Unique;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@DashboardTest
class SignInTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Workspaces workspaces;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousVisitorOfTheHomeIsSentToSignIn() {
        var page = new Browser(mvc).open("/");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirect()).isEqualTo("/sign-in");
    }

    @Test
    void signInPageIsAFormWithACsrfToken() {
        var page = new Browser(mvc).open("/sign-in");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Sign in</h1>")
                .contains("name=\"_csrf\"")
                .contains("autocomplete=\"current-password\"");
    }

    @Test
    void rightPasswordOpensTheHomeWithTheWorkspaceAndItsPeople() {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);

        var signedIn = browser.signIn(owner.email().toUpperCase(Locale.ROOT), PASSWORD);
        var home = browser.follow(signedIn);

        assertThat(signedIn.redirect()).isEqualTo("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains(owner.created().name())
                .contains(owner.email())
                .contains("Olivia Owner (Owner)")
                .contains("Invite a person");
    }

    @Test
    void sessionIsKeptInTheDatabase() {
        var owner = fixtures().aWorkspaceWithOwner();

        new Browser(mvc).signIn(owner.email(), PASSWORD);

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :person")
                        .param("person", owner.created().ownerId().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void readingPagesDoesNotRewriteARecentlyUsedSession() {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);
        browser.signIn(owner.email(), PASSWORD);
        var signedIn = sessionRowsOf(owner.created().ownerId().toString());

        var home = browser.open("/");
        var cards = browser.open("/cards");

        // The session's new id after signing in was written, or these would be sent back to sign in.
        assertThat(home.status()).isEqualTo(200);
        assertThat(cards.status()).isEqualTo(200);
        assertThat(signedIn).hasSize(1);
        assertThat(sessionRowsOf(owner.created().ownerId().toString())).isEqualTo(signedIn);
    }

    private List<Map<String, Object>> sessionRowsOf(String principal) {
        return jdbc.sql("select primary_id, session_id, last_access_time, expiry_time from spring_session"
                        + " where principal_name = :principal")
                .param("principal", principal)
                .query()
                .listOfRows();
    }

    @Test
    void wrongPasswordSaysSoAndSignsNobodyIn() {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);

        var refused = browser.signIn(owner.email(), "not the password");
        var form = browser.follow(refused);

        assertThat(refused.redirect()).isEqualTo("/sign-in");
        assertThat(form.body()).contains("The email or the password is wrong.").contains(owner.email());
        assertThat(browser.open("/").redirect()).isEqualTo("/sign-in");
    }

    @Test
    void repeatedFailuresThrottleEvenTheRightPasswordUntilTheWindowPasses() {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);
        for (var attempt = 0; attempt < 5; attempt++) {
            browser.signIn(owner.email(), "not the password");
        }

        var throttled = browser.follow(browser.signIn(owner.email(), PASSWORD));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var signedIn = browser.signIn(owner.email(), PASSWORD);

        assertThat(throttled.body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
        assertThat(signedIn.redirect()).isEqualTo("/");
    }

    @Test
    void signInFormWithoutCsrfTokenIsRefused() {
        var owner = fixtures().aWorkspaceWithOwner();

        var page = new Browser(mvc).submitAsIs("/sign-in", Map.of("email", owner.email(), "password", PASSWORD));

        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void formWithoutCsrfTokenIsRefusedToASignedInPerson() {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);
        browser.signIn(owner.email(), PASSWORD);
        var invitee = Unique.email("invitee");

        var page = browser.submitAsIs("/people/invitations", Map.of("email", invitee, "name", "Ivy", "role", "USER"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(workspaces.findByEmail(owner.created().workspaceId(), invitee))
                .isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);
        browser.follow(browser.signIn(owner.email(), PASSWORD));

        var signedOut = browser.submit("/sign-out", Map.of());

        assertThat(signedOut.redirect()).isEqualTo("/sign-in?signed-out");
        assertThat(browser.follow(signedOut).body()).contains("You are signed out.");
        assertThat(browser.open("/").redirect()).isEqualTo("/sign-in");
    }

    @Test
    void emailOfTwoWorkspacesChoosesOneAndSignsIntoIt() {
        var email = Unique.email("consultant");
        var alpha = workspaces.create(Unique.name("Alpha"), email, "Casey", PASSWORD);
        var beta = workspaces.create(Unique.name("Beta"), email, "Casey", PASSWORD);
        var browser = new Browser(mvc);

        var choice = browser.follow(browser.signIn(email, PASSWORD));
        var signedIn =
                browser.submit("/sign-in", Map.of("email", email, "password", PASSWORD, "workspace", beta.slug()));

        assertThat(choice.body())
                .contains("Choose the workspace to sign in to")
                .contains(alpha.name())
                .contains(beta.name());
        assertThat(signedIn.redirect()).isEqualTo("/");
        assertThat(browser.follow(signedIn).body()).contains("<h1>" + beta.name() + "</h1>");
    }

    @Test
    void pagesForbidFramingAndForeignContent() {
        var response = mvc.get().uri("/sign-in").exchange().getResponse();

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aSessionsFirstRequestsMayArriveTogether() throws InterruptedException {
        var owner = fixtures().aWorkspaceWithOwner();
        var browser = new Browser(mvc);
        browser.signIn(owner.email(), PASSWORD);

        var statuses = browser.openAtOnce("/", 8);

        assertThat(statuses).hasSize(8).containsOnly(200);
    }

    private Fixtures fixtures() {
        return new Fixtures(workspaces);
    }
}
