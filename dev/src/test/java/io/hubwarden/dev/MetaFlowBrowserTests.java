package io.hubwarden.dev;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.MembershipStatus;
import io.hubwarden.access.MembershipView;
import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Meta flow clicked through in headless Chromium against the embedded default (server, Meta simulator and mailbox
 * on free ports): what a newcomer does after {@code ./hubwarden dev}. Screenshots go to {@code target/e2e/}.
 */
class MetaFlowBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "e2e");
    private static final String COLLEAGUE_PASSWORD = "cole-sets-a-long-password";
    private static final String AD_ACCOUNT = "Acme Ads EU";

    @TempDir
    static Path data;

    private static EmbeddedDefault embedded;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                Chromium.installed(),
                "Skipped: no Chromium at " + Chromium.EXECUTABLE + " (apt-get install chromium; CI installs it)");
        Files.createDirectories(SCREENSHOTS);
        // Generous, like the browser's own timeouts: a sync or an invitation may take a while on a busy machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        embedded = EmbeddedDefault.start(FreePorts.options(data));
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

            signIn(page, embedded.workspace().ownerEmail(), embedded.workspace().ownerPassword());

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
            signIn(
                    olive,
                    embedded.workspace().ownerEmail(),
                    embedded.workspace().ownerPassword());

            olive.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Hubs").setExact(true))
                    .first()
                    .click();
            olive.waitForURL(url -> url.endsWith("/hubs"));
            olive.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect a hub"))
                    .click();
            assertThat(olive.getByLabel("Business portfolio ID"))
                    .hasValue(embedded.demoBusiness().business().id());
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and connect"))
                    .click();
            facebookLogin(olive, DemoBusiness.OWNER);
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue as Olive"))
                    .click();
            olive.waitForURL(url -> url.matches(".*/hubs/[0-9a-f-]{36}$"));
            var hubId = HubId.parse(olive.url().substring(olive.url().lastIndexOf('/') + 1));
            assertThat(olive.locator("[data-sync-status='SUCCEEDED']")).isVisible();
            assertThat(olive.getByText("Healthy").first()).isVisible();
            screenshot(olive, "hub-after-first-sync.png");

            olive.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Share").setExact(true))
                    .click();
            olive.getByLabel("People (work e-mail addresses, separated by commas)")
                    .fill(colleagueEmail);
            olive.getByLabel("Role in the hub").selectOption("EMPLOYEE");
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

            page.navigate(embedded.mailboxUrl().toString());
            mail(page, "invited you to " + DemoWorkspace.NAME + " on Hubwarden")
                    .locator("a[href*='/invitations/']")
                    .first()
                    .click();
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill(COLLEAGUE_PASSWORD);
            page.getByLabel("New password again").fill(COLLEAGUE_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                    .click();
            signIn(page, colleagueEmail, COLLEAGUE_PASSWORD);
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

    private static Locator mail(Page mailbox, String subject) {
        return mailbox.locator("article").filter(new Locator.FilterOptions().setHasText(subject));
    }

    /** Signs in on the simulator's Facebook Login dialog (its first form; the second one signs up). */
    private static void facebookLogin(Page page, DemoBusiness.FacebookLogin login) {
        var form = page.locator("form").first();
        form.locator("input[name=email]").fill(login.email());
        form.locator("input[name=password]").fill(login.password());
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /** Waits for the membership's status and returns when it was first seen, in {@link System#nanoTime()}. */
    private static long awaitStatus(
            AccessShares access, WorkspaceId workspace, HubId hub, PersonId person, MembershipStatus status)
            throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var seen = access.membership(workspace, hub, person)
                    .map(MembershipView::status)
                    .filter(status::equals)
                    .isPresent();
            if (seen) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the membership did not reach " + status + " within 60 s");
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
        assertThat(SCREENSHOTS.resolve(name)).isRegularFile();
    }

    private static void signIn(Page page, String email, String password) {
        if (!page.url().contains("/sign-in")) {
            page.navigate(embedded.serverUrl() + "/sign-in");
        }
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.contains("/sign-in"));
    }
}
