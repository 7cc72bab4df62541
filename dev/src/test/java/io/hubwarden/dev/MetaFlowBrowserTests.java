package io.hubwarden.dev;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void colleagueSetsAPasswordFromTheMailboxAndSignsIn() {
        try (var colleague = chromium.person()) {
            var page = colleague.newPage();

            page.navigate(embedded.mailboxUrl().toString());
            page.locator("article")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions()
                            .setHasText("invited you to " + DemoWorkspace.NAME + " on Hubwarden"))
                    .locator("a[href*='/invitations/']")
                    .first()
                    .click();
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill(COLLEAGUE_PASSWORD);
            page.getByLabel("New password again").fill(COLLEAGUE_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                    .click();
            signIn(page, DemoBusiness.COLLEAGUE.email(), COLLEAGUE_PASSWORD);

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(DemoWorkspace.NAME)))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("colleague-dashboard.png"))
                    .setFullPage(true));
            assertThat(SCREENSHOTS.resolve("colleague-dashboard.png")).isRegularFile();
        }
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
