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
import io.hubwarden.simulator.tiktok.BcMember.RelationStatus;
import io.hubwarden.workspace.Workspaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TikTok flow clicked through in headless Chromium against its own embedded default: the same story as the Meta
 * one, with the demo Business Center, TikTok's authorization page and TikTok's invitation. Screenshots go to
 * {@code target/e2e/}.
 */
class TikTokFlowBrowserTests {

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

    /**
     * The Owner connects the demo Business Center by authorizing the app on TikTok's page, the first sync runs, the
     * Owner shares the hub with Cole as a Standard member, Cole accepts TikTok's invitation from the mailbox, sets a
     * Hubwarden password, and connects his TikTok for Business account on his card.
     */
    @Test
    void ownerConnectsAndSharesTheBusinessCenterAndTheColleagueJoinsAndConnects() throws Exception {
        var colleagueEmail = DemoBusiness.COLLEAGUE.email();
        var center = embedded.demoCenter().businessCenter();
        try (var owner = chromium.person();
                var colleague = chromium.person()) {
            var olive = owner.newPage();
            openConnectWizardAsOwner(olive, embedded);
            olive.getByLabel("Kind").selectOption("TIKTOK_BUSINESS_CENTER");
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose"))
                    .click();
            assertThat(olive.getByLabel("Business Center ID")).hasValue(center.bcId());
            assertThat(olive.getByLabel("Label")).hasValue(center.name());
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and connect"))
                    .click();
            simulatorLogIn(olive, DemoBusiness.OWNER.email(), DemoBusiness.OWNER.password());
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                    .click();
            var hubId = afterFirstSync(olive, "tiktok-hub-after-first-sync.png");

            fillShareForm(olive, colleagueEmail, "STANDARD");
            olive.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Share").setExact(true))
                    .click();
            assertThat(olive.getByText("Shared with 1 people.")).isVisible();
            var workspaceId = embedded.workspace().workspaceId();
            var cole = embedded.server()
                    .getBean(Workspaces.class)
                    .findByEmail(workspaceId, colleagueEmail)
                    .orElseThrow();
            awaitStatus(
                    embedded.server().getBean(AccessShares.class),
                    workspaceId,
                    hubId,
                    cole.id(),
                    MembershipStatus.INVITED);

            var page = colleague.newPage();
            page.navigate(embedded.mailboxUrl().toString());
            mail(page, "You're invited to join " + center.name() + " in TikTok Business Center")
                    .locator("a[href*='/bc/invitation/']")
                    .first()
                    .click();
            simulatorLogIn(page, colleagueEmail, DemoBusiness.COLLEAGUE.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept"))
                    .click();
            assertThat(page.getByText("You are now a member of the Business Center"))
                    .isVisible();
            holdsAnAdAccountInTikTokBusinessCenter(colleagueEmail);
            olive.navigate(embedded.serverUrl() + "/hubs/" + hubId);
            olive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check for updates"))
                    .click();
            assertThat(olive.locator("[data-sync-status='SUCCEEDED']")).isVisible();

            joinHubwarden(page, embedded, COLLEAGUE_PASSWORD);
            signIn(page, embedded, colleagueEmail, COLLEAGUE_PASSWORD);
            page.navigate(embedded.serverUrl() + "/cards");
            var card = page.locator("li.card");
            assertThat(card.locator(".chip")).hasText("Connect your account");
            screenshot(page, "tiktok-cards-before-connect.png");

            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect your account"))
                    .click();
            simulatorLogIn(page, colleagueEmail, DemoBusiness.COLLEAGUE.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                    .click();
            page.waitForURL(url -> url.endsWith("/cards"));

            assertThat(card.locator(".chip")).hasText("Connected");
            assertThat(card.locator(".asset-name")).hasText(AD_ACCOUNT);
            assertThat(card.locator(".asset-tasks")).containsText("OPERATOR");
            screenshot(page, "tiktok-cards-after-connect.png");
        }
    }

    /** What an admin would do in TikTok Business Center: give Cole an ad account once he is a member. */
    private static void holdsAnAdAccountInTikTokBusinessCenter(String email) {
        var tiktok = embedded.tiktok();
        var center = embedded.demoCenter().businessCenter().bcId();
        var seat = tiktok.members(center).stream()
                .filter(member -> email.equals(member.email()) && member.relationStatus() == RelationStatus.BOUND)
                .findFirst()
                .orElseThrow();
        var adAccount = tiktok.assets(center).stream()
                .filter(asset -> asset.name().equals(AD_ACCOUNT))
                .findFirst()
                .orElseThrow();
        tiktok.assign(adAccount.assetId(), seat.userId(), List.of("OPERATOR"));
    }
}
