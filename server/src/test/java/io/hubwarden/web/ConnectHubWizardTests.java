package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.Unique;
import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubFixtures.MetaBusiness;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.hub.TestTikTokSimulator;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The connect wizard through the full stack, signed in with a session cookie like a browser, against the Meta
 * simulator over loopback: by token and by the hub's Facebook Login dialog, each way the hub can refuse, and the
 * refusals of the sign-in's {@code state} and of people who may not connect hubs.
 */
@HubTest
class ConnectHubWizardTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    final MetaSimulator meta = TestMetaSimulator.get();
    final FacebookLoginDialog dialog = new FacebookLoginDialog();

    HubFixtures fixtures;
    SignedInPerson owner;
    MetaBusiness business;
    Browser browser;

    @BeforeEach
    void anOwnerWhoRunsAMetaBusinessSignsIn() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
        browser = signedIn(owner.email());
    }

    @Test
    void theWizardAsksForTheConnectorsSettingsAndTheCredential() {
        var page = browser.open("/hubs/new");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Business portfolio ID")
                .contains("name=\"setting.business_id\"")
                .contains("Sign in with Facebook")
                .contains("Paste a system user")
                .doesNotContain("name=\"setting.app_secret\"");
    }

    @Test
    void connectingWithAPastedTokenOpensTheHubPageAndNeverShowsTheToken() {
        var connected = submit(tokenForm(business.id(), business.token()));

        assertThat(connected.status()).isEqualTo(302);
        var hub = onlyHub();
        assertThat(connected.redirect()).isEqualTo("/hubs/" + hub.id());
        var page = browser.follow(connected);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(hub.label())
                .contains("The hub is connected")
                .contains(business.id())
                .doesNotContain(business.token());
        assertThat(hub.ownerPersonId()).isEqualTo(owner.personId());
    }

    @Test
    void aWrongBusinessIdIsNamedWithTheHubsMessageAndTraceIdAndNothingIsKept() {
        var refused = submit(tokenForm("999999999", business.token()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("check the business id")
                .contains("The hub said:")
                .contains("Trace id for the hub")
                .doesNotContain(business.token());
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void aTokenWithoutTheBusinessPermissionIsNamedWithTheHubsCode() {
        var withoutPermission = meta.userToken(owner.email(), TestMetaSimulator.APP_ID, Set.of("email"));

        var refused = submit(tokenForm(business.id(), withoutPermission));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("lacks a permission")
                .contains("Hub error code: 200")
                .contains("Trace id for the hub");
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void anExpiredTokenIsNamedAndNothingIsKept() {
        var expired = meta.expiredUserToken(owner.email(), TestMetaSimulator.APP_ID, HubFixtures.SERVICE_SCOPES);

        var refused = submit(tokenForm(business.id(), expired));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("The token has expired")
                .contains("The hub said:")
                .doesNotContain(expired);
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void settingsProblemsAreShownOnTheFormWithoutAskingTheHub() {
        var served = meta.requestsServed();
        var form = tokenForm("not-a-number", business.token());
        form.put("label", " ");

        var refused = submit(form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"field-error\"").contains("A label is 1 to");
        assertThat(meta.requestsServed()).isEqualTo(served);
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void aMissingTokenIsAskedFor() {
        var refused = submit(tokenForm(business.id(), ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Paste the access token");
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void signingInThroughTheHubsFacebookLoginDialogConnectsTheHub() {
        var back = dialog.allow(startSignIn(browser), owner.email(), "pw");

        var connected = callback(browser, back);

        assertThat(connected.status()).isEqualTo(302);
        var hub = onlyHub();
        assertThat(connected.redirect()).isEqualTo("/hubs/" + hub.id());
        assertThat(hub.businessId()).isEqualTo(business.id());
        assertThat(browser.follow(connected).body()).contains("The hub is connected");
    }

    @Test
    void aReplayedStateIsRefusedWithAReadablePage() {
        var back = dialog.allow(startSignIn(browser), owner.email(), "pw");
        assertThat(callback(browser, back).status()).isEqualTo(302);
        var connectedOnce = hubs.hubsOf(owner.workspaceId());

        var replayed = callback(browser, back);

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("Something is not right");
        assertThat(hubs.hubsOf(owner.workspaceId())).isEqualTo(connectedOnce);
    }

    @Test
    void aStateFromAnotherSessionIsRefusedAndNothingIsConnected() {
        var colleague = signedIn(anActivePerson(WorkspaceRole.ADMIN));
        startSignIn(colleague);
        var back = dialog.allow(startSignIn(browser), owner.email(), "pw");

        var foreign = callback(colleague, back);

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void deniedConsentSaysSoOnTheWizardAndConnectsNothing() {
        var back = dialog.deny(startSignIn(browser), owner.email(), "pw");

        var denied = callback(browser, back);

        assertThat(denied.status()).isEqualTo(302);
        assertThat(denied.redirect()).isEqualTo("/hubs/new");
        assertThat(browser.follow(denied).body())
                .contains("You did not allow the connection")
                .contains("value=\"" + business.id() + "\"");
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void guestsAndLoginOnlyPeopleCannotOpenTheWizardNorConnect() {
        for (var role : List.of(WorkspaceRole.GUEST_USER, WorkspaceRole.LOGIN_ONLY)) {
            var guest = signedIn(anActivePerson(role));

            assertThat(guest.open("/hubs/new").status()).isEqualTo(403);
            assertThat(guest.submit("/hubs/new", tokenForm(business.id(), business.token()))
                            .status())
                    .isEqualTo(403);
            assertThat(guest.open("/hubs").body()).doesNotContain("href=\"/hubs/new\"");
        }
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void pagesLetFormsGoOnlyToThemselvesAndToTheHubsSignIn() {
        var policy = mvc.get().uri("/sign-in").exchange().getResponse().getHeader("Content-Security-Policy");

        var origin = meta.baseUrl().getScheme() + "://" + meta.baseUrl().getRawAuthority();
        var tiktok = TestTikTokSimulator.get().baseUrl();
        assertThat(policy).contains("form-action 'self' " + origin + " " + tiktok + ";");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        browser.open("/hubs/new");

        var refused = browser.submitAsIs("/hubs/new", tokenForm(business.id(), business.token()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    private Browser signedIn(String email) {
        var signedIn = new Browser(mvc);
        assertThat(signedIn.signIn(email, HubFixtures.PASSWORD).status()).isEqualTo(302);
        return signedIn;
    }

    /** A person of the owner's workspace with the role, who has set their password. */
    private String anActivePerson(WorkspaceRole role) {
        var email = Unique.email(role.name());
        workspaces.invite(owner.personId(), email, "Pat " + role.name(), role);
        workspaces.acceptInvitation(
                Fixtures.invitationPath(Fixtures.mailTo(email)).substring("/invitations/".length()),
                HubFixtures.PASSWORD);
        return email;
    }

    private Map<String, String> tokenForm(String businessId, String token) {
        var form = new LinkedHashMap<String, String>();
        form.put("kind", "META_BUSINESS_MANAGER");
        form.put("label", "Meta " + business.business().name());
        form.put("setting.business_id", businessId);
        form.put("credential", "token");
        form.put("token", token);
        return form;
    }

    private Browser.Page submit(Map<String, String> form) {
        browser.open("/hubs/new");
        return browser.submit("/hubs/new", form);
    }

    private URI startSignIn(Browser person) {
        var form = tokenForm(business.id(), "");
        form.put("credential", "oauth");
        person.open("/hubs/new");
        var started = person.submit("/hubs/new", form);
        assertThat(started.status()).isEqualTo(302);
        var url = Objects.requireNonNull(started.location());
        assertThat(url).startsWith(meta.baseUrl().toString()).contains("state=");
        return URI.create(url);
    }

    private static Browser.Page callback(Browser person, URI back) {
        assertThat(back.getPath()).isEqualTo(Hubs.OAUTH_CALLBACK_PATH);
        return person.open(back.getPath() + "?" + back.getRawQuery());
    }

    private HubView onlyHub() {
        var connected = hubs.hubsOf(owner.workspaceId());
        assertThat(connected).hasSize(1);
        return connected.get(0);
    }
}
