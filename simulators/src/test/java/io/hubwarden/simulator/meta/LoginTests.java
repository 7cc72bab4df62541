package io.hubwarden.simulator.meta;

import static io.hubwarden.simulator.meta.GraphClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.simulator.PageForms;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Facebook Login: the dialog a person clicks through, and the code exchange the app's server makes. */
class LoginTests {

    private AcmeAds acme;

    @BeforeEach
    void startAcme() {
        acme = AcmeAds.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    @Test
    void signingInAndContinuingRedirectsWithCodeAndState() {
        GraphClient.Answer dialog = acme.graph.get(dialogUrl("scope=business_management,email"));
        GraphClient.Answer consent = acme.graph.post(
                "/v25.0/dialog/oauth",
                withCarried(dialog.body(), "action", "login", "email", AcmeAds.OWNER, "password", AcmeAds.PASSWORD));
        GraphClient.Answer redirect = acme.graph.post(
                "/v25.0/dialog/oauth",
                withCarried(consent.body(), "session", PageForms.hidden(consent.body(), "session"), "action", "grant"));

        assertThat(dialog.body()).contains("Log in to continue to <strong>Hubwarden</strong>");
        assertThat(consent.body()).contains("business_management", "Continue as Olive");
        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.toString()).startsWith(AcmeAds.REDIRECT + "?code=");
        assertThat(location.getQuery()).endsWith("&state=st-42");
    }

    @Test
    void cancellingRedirectsWithAccessDenied() {
        GraphClient.Answer dialog = acme.graph.get(dialogUrl("scope=business_management"));
        GraphClient.Answer consent = acme.graph.post(
                "/v25.0/dialog/oauth",
                withCarried(dialog.body(), "action", "login", "email", AcmeAds.OWNER, "password", AcmeAds.PASSWORD));

        GraphClient.Answer redirect = acme.graph.post(
                "/v25.0/dialog/oauth",
                withCarried(consent.body(), "session", PageForms.hidden(consent.body(), "session"), "action", "deny"));

        assertThat(redirect.header("Location"))
                .isEqualTo(
                        AcmeAds.REDIRECT
                                + "?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=st-42");
    }

    @Test
    void aConfigurationIdGrantsTheBusinessPermissions() {
        GraphClient.Answer dialog = acme.graph.get(dialogUrl("config_id=987654"));
        GraphClient.Answer consent = acme.graph.post(
                "/v25.0/dialog/oauth",
                withCarried(
                        dialog.body(),
                        "action",
                        "signup",
                        "name",
                        "Pat Person",
                        "email",
                        "pat@example.test",
                        "password",
                        "pw"));

        assertThat(consent.body()).contains("business_management", "ads_management", "pages_show_list");
        assertThat(acme.meta.person("pat@example.test")).isPresent();
    }

    @Test
    void unregisteredRedirectUrisAreBlockedOnThePage() {
        GraphClient.Answer dialog = acme.graph.get("/v25.0/dialog/oauth?client_id=" + AcmeAds.APP_ID + "&redirect_uri="
                + URLEncoder.encode("https://evil.test/cb", StandardCharsets.UTF_8) + "&state=x");

        assertThat(dialog.status()).isEqualTo(400);
        assertThat(dialog.body()).contains("URL blocked");
    }

    @Test
    void aCodeBuysATokenOnce() {
        String code = acme.meta.authorizationCode(
                AcmeAds.OWNER, AcmeAds.APP_ID, AcmeAds.REDIRECT, Set.of("business_management"));

        GraphClient.Answer first = exchange(code, AcmeAds.REDIRECT.toString(), AcmeAds.APP_SECRET);
        GraphClient.Answer again = exchange(code, AcmeAds.REDIRECT.toString(), AcmeAds.APP_SECRET);

        assertThat(first.json().path("token_type").asString()).isEqualTo("bearer");
        assertThat(first.json().path("expires_in").asLong())
                .isEqualTo(Duration.ofDays(60).toSeconds());
        String token = first.json().path("access_token").asString();
        assertThat(acme.graph
                        .get("/v25.0/" + acme.business.id() + "?access_token=" + token)
                        .status())
                .isEqualTo(200);
        assertThat(again.error().path("code").asInt()).isEqualTo(100);
        assertThat(again.error().path("error_subcode").asInt()).isEqualTo(36_009);
    }

    @Test
    void theExchangeRepeatsTheDialogsRedirectUriExactly() {
        String code = acme.meta.authorizationCode(
                AcmeAds.OWNER, AcmeAds.APP_ID, AcmeAds.REDIRECT, Set.of("business_management"));

        GraphClient.Answer answer = exchange(code, AcmeAds.REDIRECT + "/", AcmeAds.APP_SECRET);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().path("error_subcode").asInt()).isEqualTo(36_008);
    }

    @Test
    void codesExpireAfterTenMinutes() {
        String code = acme.meta.authorizationCode(
                AcmeAds.OWNER, AcmeAds.APP_ID, AcmeAds.REDIRECT, Set.of("business_management"));
        acme.meta.advanceClock(Duration.ofMinutes(10));

        GraphClient.Answer answer = exchange(code, AcmeAds.REDIRECT.toString(), AcmeAds.APP_SECRET);

        assertThat(answer.error().path("error_subcode").asInt()).isEqualTo(36_007);
    }

    @Test
    void aWrongSecretOrAppIsRefused() {
        String code = acme.meta.authorizationCode(
                AcmeAds.OWNER, AcmeAds.APP_ID, AcmeAds.REDIRECT, Set.of("business_management"));

        GraphClient.Answer wrongSecret = exchange(code, AcmeAds.REDIRECT.toString(), "guess");
        GraphClient.Answer unknownApp =
                acme.graph.get("/v25.0/oauth/access_token?client_id=1&client_secret=x&code=" + code);

        assertThat(wrongSecret.error().path("code").asInt()).isEqualTo(1);
        assertThat(unknownApp.error().path("code").asInt()).isEqualTo(101);
    }

    @Test
    void aTokenIsExchangedForALongLivedOne() {
        GraphClient.Answer answer = acme.graph.get("/v25.0/oauth/access_token?grant_type=fb_exchange_token&client_id="
                + AcmeAds.APP_ID + "&client_secret=" + AcmeAds.APP_SECRET + "&fb_exchange_token=" + acme.token);

        String longLived = answer.json().path("access_token").asString();
        assertThat(longLived).isNotEqualTo(acme.token);
        JsonNode me = acme.graph.get("/v25.0/me?access_token=" + longLived).json();
        assertThat(me.path("name").asString()).isEqualTo("Olive Owner");
    }

    @Test
    void tokensExpireByTheSimulatedClock() {
        acme.meta.advanceClock(Duration.ofDays(61));

        GraphClient.Answer answer = acme.graph.get(acme.withToken("/v25.0/me"));

        assertThat(answer.error().path("code").asInt()).isEqualTo(190);
        assertThat(answer.error().path("error_subcode").asInt()).isEqualTo(463);
    }

    private GraphClient.Answer exchange(String code, String redirect, String secret) {
        return acme.graph.post(
                "/v25.0/oauth/access_token",
                form("client_id", AcmeAds.APP_ID, "client_secret", secret, "redirect_uri", redirect, "code", code));
    }

    private static String dialogUrl(String permissions) {
        return "/v25.0/dialog/oauth?client_id=" + AcmeAds.APP_ID + "&redirect_uri="
                + URLEncoder.encode(AcmeAds.REDIRECT.toString(), StandardCharsets.UTF_8)
                + "&state=st-42&response_type=code&"
                + permissions.replace(",", "%2C");
    }

    private static Map<String, String> withCarried(String page, String... more) {
        Map<String, String> fields = form(more);
        for (String name : new String[] {"client_id", "redirect_uri", "state", "scope", "config_id", "response_type"}) {
            if (page.contains("name=\"" + name + "\"")) {
                fields.put(name, PageForms.hidden(page, name));
            }
        }
        return fields;
    }
}
