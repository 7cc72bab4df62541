package io.hubwarden.bench;

import io.hubwarden.hub.HubId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The tenant cards of a person with N hubs (200 by default), as JSON ({@code /api/me/cards}) and as the HTML page
 * ({@code /cards}), at rising request rates over loopback: the highest rate held with p99 at most 25 ms and no
 * errors. The person signs in through the sign-in form like a browser, so every request reads the session from the
 * database as production does.
 */
final class Cards {

    static final double TARGET_JSON_PER_SECOND = 4_000;
    static final double P99_LIMIT_MS = 25;

    /** What Chromium sends in {@code Accept-Encoding}. */
    static final String BROWSER_CODINGS = "gzip, deflate, br, zstd";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private Cards() {}

    static void run(Options options, Report report) throws IOException, InterruptedException {
        try (var stack = Stack.start(options)) {
            run(stack, options, report);
        }
    }

    static void run(Stack stack, Options options, Report report) throws IOException, InterruptedException {
        int hubs = options.integer("hubs", 200);
        report.machine(
                "cards, a person with " + hubs + " hubs", stack.database().kind(), stack.dataSource());
        var seeds = new Seeds(stack);
        var owner = seeds.owner();
        var ids = new ArrayList<HubId>();
        long seeding = System.nanoTime();
        for (int i = 0; i < hubs; i++) {
            ids.add(seeds.connect(
                    owner,
                    seeds.business(owner, "Cards Ads " + i + " " + Instant.now().toEpochMilli())));
        }
        for (var hub : ids) {
            seeds.awaitJobs(hub, "SYNC", Duration.ofMinutes(5));
        }
        SyncScenario.awaitEvents(stack);
        report.figure("seeding (hubs connected and synced)", (System.nanoTime() - seeding) / 1e9, "s");

        var cookie = signIn(stack.serverUrl(), owner.email());
        var http = HttpClient.newHttpClient();
        var check = http.send(
                HttpRequest.newBuilder(stack.serverUrl().resolve("/api/me/cards"))
                        .header("Cookie", cookie)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        int cards = check.body().split("\"hubId\"", -1).length - 1;
        report.line(
                "  /api/me/cards: status %d, %d cards, %d bytes",
                check.statusCode(), cards, check.body().length());
        if (check.statusCode() != 200 || cards != hubs) {
            throw new IllegalStateException("the person does not see " + hubs + " cards: " + check.statusCode());
        }

        // One page first, alone: it stores the session's CSRF token, so that the load measures reading a session, not
        // writing its first attribute.
        var page = http.send(
                HttpRequest.newBuilder(stack.serverUrl().resolve("/cards"))
                        .header("Cookie", cookie)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        report.line(
                "  /cards: status %d, %d bytes", page.statusCode(), page.body().length());
        // What the JSON's requests say they accept: a browser's codings by default, "identity" for none.
        var acceptEncoding = options.text("accept-encoding", BROWSER_CODINGS);
        var encoded = http.send(
                HttpRequest.newBuilder(stack.serverUrl().resolve("/api/me/cards"))
                        .header("Cookie", cookie)
                        .header("Accept", "application/json")
                        .header("Accept-Encoding", acceptEncoding)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        var coding = encoded.headers().firstValue("Content-Encoding").orElse("none");
        report.line(
                "  /api/me/cards with Accept-Encoding: %s: status %d, Content-Encoding %s, %d bytes",
                acceptEncoding, encoded.statusCode(), coding, encoded.body().length);
        byte[] decoded = encoded.body();
        if (coding.equals("gzip")) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(decoded))) {
                decoded = in.readAllBytes();
            }
        }
        if (!Arrays.equals(decoded, check.body().getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalStateException(
                    "/api/me/cards with Accept-Encoding: " + acceptEncoding + " does not read as the same JSON");
        }

        var step = options.duration("step", Duration.ofSeconds(5));
        int connections = options.integer("connections", 32);
        var rates = options.integers(
                "rates",
                LoadGenerator.defaultRates().stream().map(String::valueOf).collect(Collectors.joining(",")));
        var json = new LoadGenerator(stack.serverUrl(), "/api/me/cards", "application/json", cookie, acceptEncoding);
        var html = new LoadGenerator(stack.serverUrl(), "/cards", "text/html", cookie);
        // Warm-up, so that the JIT has compiled the hot paths before anything is measured.
        json.run(Math.min(500, rates.get(0)), connections, options.duration("warmup", Duration.ofSeconds(10)));
        html.run(Math.min(200, rates.get(0)), connections, options.duration("warmup", Duration.ofSeconds(10)));

        double bestJson = climb("JSON /api/me/cards", json, rates, connections, step, stack, report);
        double bestHtml = climb("HTML /cards", html, rates, connections, step, stack, report);
        report.atLeast("JSON: highest rate held (p99 <= 25 ms, no errors)", bestJson, TARGET_JSON_PER_SECOND, "/s");
        report.figure("HTML: highest rate held (p99 <= 25 ms, no errors)", bestHtml, "/s");
        if (options.flag("floor")) {
            // What the server's HTTP stack alone holds on this machine: the liveness probe reads no session and no
            // database, but passes Tomcat, the filters and the observation of every request as the cards do.
            var probe = new LoadGenerator(stack.serverUrl(), "/actuator/health/liveness", "application/json", "");
            probe.run(Math.min(500, rates.get(0)), connections, options.duration("warmup", Duration.ofSeconds(10)));
            double bestProbe = climb("liveness probe", probe, rates, connections, step, stack, report);
            report.figure("liveness probe: highest rate held (p99 <= 25 ms, no errors)", bestProbe, "/s");
        }
        if (options.flag("conditional")) {
            // A polling client's requests: each one sends the tag of the cards it holds, which are unchanged, and gets
            // a 304 without the body. A figure of its own; the target is the unconditional one's.
            var tag = check.headers()
                    .firstValue("ETag")
                    .orElseThrow(() -> new IllegalStateException("/api/me/cards sends no ETag"));
            var polling = new LoadGenerator(
                    stack.serverUrl(), "/api/me/cards", "application/json", cookie, acceptEncoding, tag);
            report.line("  conditional /api/me/cards: If-None-Match %s", tag);
            polling.run(Math.min(500, rates.get(0)), connections, options.duration("warmup", Duration.ofSeconds(10)));
            double bestConditional = climb("JSON, 304 /api/me/cards", polling, rates, connections, step, stack, report);
            report.figure("JSON conditional (304): highest rate held (p99 <= 25 ms, no errors)", bestConditional, "/s");
        }
    }

    /** Runs the rates in turn until one is not held; returns the highest held (0 if none). */
    private static double climb(
            String name,
            LoadGenerator load,
            List<Integer> rates,
            int connections,
            Duration step,
            Stack stack,
            Report report)
            throws InterruptedException {
        double best = 0;
        for (int rate : rates) {
            double cpuBefore = stack.cpuSeconds();
            var result = load.run(rate, connections, step);
            double cpu = stack.cpuSeconds() - cpuBefore;
            report.line(
                    "  %-20s %s, %.2f ms CPU per request (%s): %s (load %s)",
                    name,
                    result.describe(),
                    cpu * 1000 / Math.max(1, result.ok() + result.errors()),
                    stack.process() == null ? "server and generator" : "server only",
                    result.held(P99_LIMIT_MS) ? "held" : "NOT held",
                    Report.loadAverage());
            if (!result.held(P99_LIMIT_MS)) {
                break;
            }
            best = rate;
        }
        return best;
    }

    /** Signs in through the form as a browser does and returns the session cookie header. */
    static String signIn(URI server, String email) throws IOException, InterruptedException {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var page = http.send(
                HttpRequest.newBuilder(server.resolve("/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        var form = "email=" + encode(email) + "&password=" + encode(Seeds.OWNER_PASSWORD) + "&_csrf="
                + encode(token.group(1));
        var signedIn = http.send(
                HttpRequest.newBuilder(server.resolve("/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in failed: " + signedIn.statusCode() + " " + location);
        }
        return cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
