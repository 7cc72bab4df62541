package io.hubwarden.dev;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.hubwarden.dev.DashboardClicks.afterFirstSync;
import static io.hubwarden.dev.DashboardClicks.awaitStatus;
import static io.hubwarden.dev.DashboardClicks.fillShareForm;
import static io.hubwarden.dev.DashboardClicks.joinHubwarden;
import static io.hubwarden.dev.DashboardClicks.mail;
import static io.hubwarden.dev.DashboardClicks.openConnectWizardAsOwner;
import static io.hubwarden.dev.DashboardClicks.screenshot;
import static io.hubwarden.dev.DashboardClicks.signIn;
import static io.hubwarden.dev.DashboardClicks.simulatorLogIn;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.MembershipStatus;
import io.hubwarden.workspace.Workspaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Meta flow clicked through in headless Chromium against the embedded default (server, Meta simulator and mailbox
 * on free ports): what a newcomer does after {@code ./hubwarden dev}. Screenshots go to {@code target/e2e/}.
 */
class MetaFlowBrowserTests {

    private static final String COLLEAGUE_PASSWORD = "cole-sets-a-long-password";
    private static final String AD_ACCOUNT = "Acme Ads EU";

    @TempDir
    static Path data;

    private static EmbeddedDefault embedded;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        embedded = DashboardClicks.start(data);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void demoOwnerSignsInAndSeesTheWorkspaceWithTheInvitedColleague() {
        try (var owner = chromium.person()) {
            var page = owner.newPage();

            signIn(
                    page,
                    embedded,
                    embedded.workspace().ownerEmail(),
                    embedded.workspace().ownerPassword());

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(DemoWorkspace.NAME)))
                    .isVisible();
            assertThat(page.getByText(DemoBusiness.COLLEAGUE.email())).isVisible();
        }
    }

    /**
     * The whole story of the README: the Owner connects the demo business through the simulator's Facebook Login, the
     * first sync runs, the Owner shares the hub with Cole, Cole accepts Meta's invitation from the mailbox, sets a
     * Hubwarden password, and connects his Facebook profile on his tenant card.
     */
    @Test
    void ownerConnectsAndSharesTheHubAndTheColleagueJoinsAndConnects() throws Exception {
        var colleagueEmail = DemoBusiness.COLLEAGUE.email();
        try (var owner = chromium.person();
                var colleague = chromium.person()) {
            var olive = owner.newPage();
            openConnectWizardAsOwner(olive, embedded);
            assertThat(olive.getByLabel("Business portfolio ID"))
                    .hasValue(embedded.demoBusiness().business().id());
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and connect"))
                    .click();
            facebookLogin(olive, DemoBusiness.OWNER);
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue as Olive"))
                    .click();
            var hubId = afterFirstSync(olive, "hub-after-first-sync.png");

            fillShareForm(olive, colleagueEmail, "EMPLOYEE");
            var access = embedded.server().getBean(AccessShares.class);
            var workspaceId = embedded.workspace().workspaceId();
            var cole = embedded.server()
                    .getBean(Workspaces.class)
                    .findByEmail(workspaceId, colleagueEmail)
                    .orElseThrow();
            var shared = System.nanoTime();
            olive.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Share").setExact(true))
                    .click();
            var inviteSent = awaitStatus(access, workspaceId, hubId, cole.id(), MembershipStatus.INVITED);
            System.out.printf(
                    Locale.ROOT,
                    "Share to \"Invite sent\" for one person on the embedded default: %d ms%n",
                    (inviteSent - shared) / 1_000_000);
            assertThat(olive.getByText("Shared with 1 people.")).isVisible();

            var page = colleague.newPage();
            page.navigate(embedded.mailboxUrl().toString());
            mail(
                            page,
                            "invited you to join "
                                    + embedded.demoBusiness().business().name() + " on Meta Business Suite")
                    .locator("a[href*='/invitation/']")
                    .first()
                    .click();
            var signInForm = page.locator("form").first();
            signInForm.locator("input[name=email]").fill(colleagueEmail);
            signInForm.locator("input[name=password]").fill(DemoBusiness.COLLEAGUE.password());
            signInForm.locator("button").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept invitation"))
                    .click();
            holdsAnAdAccountInMetaBusinessManager(colleagueEmail);
            olive.navigate(embedded.serverUrl() + "/hubs/" + hubId);
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check for updates"))
                    .click();
            assertThat(olive.locator("[data-sync-status='SUCCEEDED']")).isVisible();

            joinHubwarden(page, embedded, COLLEAGUE_PASSWORD);
            signIn(page, embedded, colleagueEmail, COLLEAGUE_PASSWORD);
            page.navigate(embedded.serverUrl() + "/cards");
            var card = page.locator("li.card");
            assertThat(card.locator(".chip")).hasText("Connect your account");
            screenshot(page, "cards-before-connect.png");

            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect your account"))
                    .click();
            facebookLogin(page, DemoBusiness.COLLEAGUE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue as Cole"))
                    .click();
            page.waitForURL(url -> url.endsWith("/cards"));

            assertThat(card.locator(".chip")).hasText("Connected");
            assertThat(card.locator(".asset-name")).hasText(AD_ACCOUNT);
            assertThat(card.locator(".asset-tasks")).containsText("ADVERTISE");
            screenshot(page, "cards-after-connect.png");
        }
    }

    /** What an administrator would do in Meta Business Manager: give Cole an ad account once he is in the business. */
    private static void holdsAnAdAccountInMetaBusinessManager(String email) {
        var meta = embedded.meta();
        var business = embedded.demoBusiness().business().id();
        var seat = meta.businessUsers(business).stream()
                .filter(user -> email.equals(user.email()))
                .findFirst()
                .orElseThrow();
        var adAccount = meta.assets(business).stream()
                .filter(asset -> asset.name().equals(AD_ACCOUNT))
                .findFirst()
                .orElseThrow();
        meta.assign(adAccount.id(), seat.id(), List.of("ADVERTISE", "ANALYZE"));
    }

    /** Signs in on the simulator's Facebook Login dialog. */
    private static void facebookLogin(Page page, DemoBusiness.FacebookLogin login) {
        simulatorLogIn(page, login.email(), login.password());
    }
}
