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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The clicks that every hub's browser story shares: starting the embedded default for Chromium, signing in to
 * Hubwarden and to a simulator's sign-in page, reading the mailbox, setting a password from Hubwarden's invitation, and
 * screenshots in {@code target/e2e/}.
 */
final class DashboardClicks {

    static final Path SCREENSHOTS = Path.of("target", "e2e");

    private DashboardClicks() {}

    /** Starts the embedded default on free ports in its own data directory; skips the test class without Chromium. */
    static EmbeddedDefault start(Path data) throws IOException {
        Assumptions.assumeTrue(
                Chromium.installed(),
                "Skipped: no Chromium at " + Chromium.EXECUTABLE + " (apt-get install chromium; CI installs it)");
        Files.createDirectories(SCREENSHOTS);
        // Generous, like the browser's own timeouts: a sync or an invitation may take a while on a busy machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        return EmbeddedDefault.start(FreePorts.options(data));
    }

    static void signIn(Page page, EmbeddedDefault embedded, String email, String password) {
        if (!page.url().contains("/sign-in")) {
            page.navigate(embedded.serverUrl() + "/sign-in");
        }
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.contains("/sign-in"));
    }

    /** Signs the demo Owner in and opens the connect wizard from the Hubs page. */
    static void openConnectWizardAsOwner(Page page, EmbeddedDefault embedded) {
        signIn(
                page,
                embedded,
                embedded.workspace().ownerEmail(),
                embedded.workspace().ownerPassword());
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Hubs").setExact(true))
                .first()
                .click();
        page.waitForURL(url -> url.endsWith("/hubs"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect a hub"))
                .click();
    }

    /** The hub just connected, once its page shows the first sync succeeded and the hub healthy; screenshots it. */
    static HubId afterFirstSync(Page page, String screenshot) {
        var hubId = hubOnPage(page);
        assertThat(page.locator("[data-sync-status='SUCCEEDED']")).isVisible();
        assertThat(page.getByText("Healthy").first()).isVisible();
        screenshot(page, screenshot);
        return hubId;
    }

    /** Opens the hub's share form and fills in the person and the role in the hub; sharing is left to the caller. */
    static void fillShareForm(Page page, String email, String role) {
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Share").setExact(true))
                .click();
        page.getByLabel("People (work e-mail addresses, separated by commas)").fill(email);
        page.getByLabel("Role in the hub").selectOption(role);
    }

    /** Signs in on a simulator's sign-in page (its first form; the second one signs up). */
    static void simulatorLogIn(Page page, String email, String password) {
        var form = page.locator("form").first();
        form.locator("input[name=email]").fill(email);
        form.locator("input[name=password]").fill(password);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /** The hub page the browser is on after connecting, by the id in its address. */
    static HubId hubOnPage(Page page) {
        page.waitForURL(url -> url.matches(".*/hubs/[0-9a-f-]{36}$"));
        return HubId.parse(page.url().substring(page.url().lastIndexOf('/') + 1));
    }

    /** The mails on the mailbox page whose subject contains the text. */
    static Locator mail(Page mailbox, String subject) {
        return mailbox.locator("article").filter(new Locator.FilterOptions().setHasText(subject));
    }

    /** Follows Hubwarden's invitation to the demo workspace from the mailbox and sets the person's password. */
    static void joinHubwarden(Page page, EmbeddedDefault embedded, String password) {
        page.navigate(embedded.mailboxUrl().toString());
        mail(page, "invited you to " + DemoWorkspace.NAME + " on Hubwarden")
                .locator("a[href*='/invitations/']")
                .first()
                .click();
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill(password);
        page.getByLabel("New password again").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();
    }

    /** Waits for the membership's status and returns when it was first seen, in {@link System#nanoTime()}. */
    static long awaitStatus(
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

    static void screenshot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
        assertThat(SCREENSHOTS.resolve(name)).isRegularFile();
    }
}
