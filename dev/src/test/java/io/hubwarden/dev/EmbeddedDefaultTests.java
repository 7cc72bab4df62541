package io.hubwarden.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubKind;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.Workspaces;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default as {@code ./hubwarden dev} starts it, on free ports, over real HTTP and SMTP. */
class EmbeddedDefaultTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path data;

    private static EmbeddedDefault embedded;

    @BeforeAll
    static void start() {
        embedded = EmbeddedDefault.start(FreePorts.options(data));
    }

    @AfterAll
    static void stop() {
        embedded.close();
    }

    @Test
    void healthIsUp() throws Exception {
        var response = get(HttpClient.newHttpClient(), "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void signInPageIsServed() throws Exception {
        var response = get(HttpClient.newHttpClient(), "/sign-in");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("name=\"email\"", "name=\"password\"");
    }

    @Test
    void demoOwnerSignsInWithThePrintedPassword() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var workspace = embedded.workspace();

        var signedIn = signIn(browser, workspace.ownerEmail(), workspace.ownerPassword());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("sign-in"));
        var home = get(browser, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(DemoWorkspace.NAME, workspace.colleagueEmail());
    }

    @Test
    void wrongPasswordDoesNotSignIn() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        var refused = signIn(browser, embedded.workspace().ownerEmail(), "not-the-password");

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("sign-in"));
    }

    @Test
    void bannerNamesTheSignInsAndAddresses() {
        var banner = embedded.banner(Duration.ofMillis(3_200));

        assertThat(banner)
                .contains(embedded.serverUrl().toString(), "3.2 s")
                .contains(
                        embedded.workspace().ownerEmail(), embedded.workspace().ownerPassword())
                .contains(
                        DemoBusiness.COLLEAGUE.email(),
                        DemoBusiness.COLLEAGUE.password(),
                        DemoBusiness.OWNER.password())
                .contains(
                        embedded.mailboxUrl().toString(),
                        embedded.meta().baseUrl().toString(),
                        embedded.tiktok().baseUrl().toString(),
                        embedded.demoCenter().businessCenter().bcId());
    }

    @Test
    void colleagueIsInvitedToTheWorkspaceByMail() {
        var mail = embedded.mailbox().awaitMailTo(DemoBusiness.COLLEAGUE.email(), Duration.ofSeconds(10));

        assertThat(mail)
                .hasValueSatisfying(invitation -> assertThat(invitation.links())
                        .anySatisfy(link ->
                                assertThat(link.toString()).startsWith(embedded.serverUrl() + "/invitations/")));
    }

    @Test
    void simulatorHoldsTheDemoBusinessWithItsFullControlOwner() {
        var meta = embedded.meta();
        var business = embedded.demoBusiness().business();

        assertThat(meta.businesses()).extracting("name").containsExactly("Acme Ads");
        assertThat(meta.businessUsers(business.id()))
                .anySatisfy(user -> {
                    assertThat(user.email()).isEqualTo(DemoBusiness.OWNER.email());
                    assertThat(user.role()).isEqualTo("ADMIN");
                })
                .noneSatisfy(user -> assertThat(user.email()).isEqualTo(DemoBusiness.COLLEAGUE.email()));
        assertThat(meta.pendingRequests(business.id())).isNotEmpty();
        assertThat(meta.assets(business.id())).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theTikTokSimulatorHoldsTheDemoBusinessCenterAndTheServerCanConnectIt() {
        var tiktok = embedded.tiktok();
        var center = embedded.demoCenter().businessCenter();
        var hubs = embedded.server().getBean(Hubs.class);

        assertThat(tiktok.businessCenters()).extracting("name").containsExactly("Acme Ads");
        assertThat(tiktok.members(center.bcId()))
                .anySatisfy(row -> {
                    assertThat(row.email()).isEqualTo(DemoBusiness.OWNER.email());
                    assertThat(row.userRole()).isEqualTo("ADMIN");
                })
                .noneSatisfy(row -> assertThat(row.email()).isEqualTo(DemoBusiness.COLLEAGUE.email()));
        assertThat(tiktok.account(DemoBusiness.COLLEAGUE.email())).isPresent();
        assertThat(hubs.connectableKinds()).contains(HubKind.META_BUSINESS_MANAGER, HubKind.TIKTOK_BUSINESS_CENTER);
    }

    @Test
    void aLaterStartReusesTheWorkspaceAndItsPassword() throws Exception {
        var first = embedded.workspace();

        var again = DemoWorkspace.ensure(embedded.server().getBean(Workspaces.class), data, new SecureRandom());

        assertThat(again.created()).isFalse();
        assertThat(again.workspaceId()).isEqualTo(first.workspaceId());
        assertThat(again.ownerPassword()).isEqualTo(first.ownerPassword());
        assertThat(Files.readString(data.resolve(DemoWorkspace.FILE))).contains(first.ownerEmail());
        assertThat(data.resolve("master-key.json")).isRegularFile();
    }

    private static HttpResponse<String> signIn(HttpClient browser, String email, String password) throws Exception {
        var page = get(browser, "/sign-in").body();
        var token = CSRF.matcher(page);
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        var form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        var request = HttpRequest.newBuilder(embedded.serverUrl().resolve("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(embedded.serverUrl() + path))
                .header("Accept", "text/html,application/json")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
