package io.hubwarden.dev;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright: Playwright's own browser download is switched off, so the tests use
 * the {@code chromium} package that CI installs.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static Chromium launch() {
        var playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    /** A fresh browser profile: its own cookies, as a second person on another computer. */
    BrowserContext person() {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        // Generous: the machine running the suite may be busy; Playwright still moves on as soon as a page is ready.
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(60_000);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
