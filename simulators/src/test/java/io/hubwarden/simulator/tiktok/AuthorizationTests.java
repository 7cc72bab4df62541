package io.hubwarden.simulator.tiktok;

import static io.hubwarden.simulator.tiktok.OpenApiClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.simulator.PageForms;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The authorization page, the token exchange and who a token belongs to. */
class AuthorizationTests {

    private AcmeCenter acme;

    @BeforeEach
    void start() {
        acme = AcmeCenter.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    @Test
    void confirmingSendsAuthCodeAndStateToTheRedirectUri() {
        String authorize = "/portal/auth?app_id=" + AcmeCenter.APP_ID + "&state=st-42&redirect_uri="
                + URLEncoder.encode(AcmeCenter.REDIRECT.toString(), StandardCharsets.UTF_8);
        OpenApiClient.Answer page = acme.api.page(authorize);
        OpenApiClient.Answer signedIn = acme.api.submit(
                "/portal/auth",
                form(
                        "app_id",
                        PageForms.hidden(page.body(), "app_id"),
                        "state",
                        PageForms.hidden(page.body(), "state"),
                        "redirect_uri",
                        PageForms.hidden(page.body(), "redirect_uri"),
                        "action",
                        "login",
                        "email",
                        "olive@acme.test",
                        "password",
                        AcmeCenter.PASSWORD));
        OpenApiClient.Answer confirmed = acme.api.submit(
                "/portal/auth",
                form(
                        "app_id",
                        AcmeCenter.APP_ID,
                        "state",
                        "st-42",
                        "redirect_uri",
                        AcmeCenter.REDIRECT.toString(),
                        "session",
                        PageForms.hidden(signedIn.body(), "session"),
                        "action",
                        "confirm"));

        URI location = URI.create(confirmed.header("Location"));
        Map<String, String> query = query(location);
        assertThat(page.body()).contains("Hubwarden");
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(location.toString()).startsWith(AcmeCenter.REDIRECT + "?");
        assertThat(query).containsEntry("state", "st-42");
        assertThat(query.get("auth_code")).isNotBlank().isEqualTo(query.get("code"));
        assertThat(exchange(String.valueOf(query.get("auth_code"))).code()).isZero();
    }

    @Test
    void cancellingSendsAccessDenied() {
        OpenApiClient.Answer signedIn = acme.api.submit(
                "/portal/auth",
                form(
                        "app_id",
                        AcmeCenter.APP_ID,
                        "state",
                        "st",
                        "redirect_uri",
                        AcmeCenter.REDIRECT.toString(),
                        "action",
                        "login",
                        "email",
                        "ana@acme.test",
                        "password",
                        AcmeCenter.PASSWORD));
        OpenApiClient.Answer cancelled = acme.api.submit(
                "/portal/auth",
                form(
                        "app_id",
                        AcmeCenter.APP_ID,
                        "state",
                        "st",
                        "redirect_uri",
                        AcmeCenter.REDIRECT.toString(),
                        "session",
                        PageForms.hidden(signedIn.body(), "session"),
                        "action",
                        "cancel"));

        assertThat(query(URI.create(cancelled.header("Location"))))
                .containsEntry("error", "access_denied")
                .doesNotContainKey("auth_code");
    }

    @Test
    void anUnregisteredRedirectUriOrAppIsRefusedOnThePage() {
        OpenApiClient.Answer wrongRedirect = acme.api.page(
                "/portal/auth?app_id=" + AcmeCenter.APP_ID + "&state=s&redirect_uri=http%3A%2F%2Fevil.test%2Fcb");
        OpenApiClient.Answer wrongApp =
                acme.api.page("/portal/auth?app_id=1&state=s&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcb");

        assertThat(wrongRedirect.status()).isEqualTo(400);
        assertThat(wrongApp.status()).isEqualTo(400);
    }

    @Test
    void aCodeWorksOnceAndOnlyForTenMinutes() {
        String code = acme.tiktok.authorizationCode("ana@acme.test", AcmeCenter.APP_ID, AcmeCenter.REDIRECT);
        String late = acme.tiktok.authorizationCode("ana@acme.test", AcmeCenter.APP_ID, AcmeCenter.REDIRECT);

        OpenApiClient.Answer first = exchange(code);
        OpenApiClient.Answer again = exchange(code);
        acme.tiktok.advanceClock(Duration.ofMinutes(10));
        OpenApiClient.Answer expired = exchange(late);

        assertThat(first.code()).isZero();
        assertThat(first.data().path("access_token").asString()).isNotBlank();
        assertThat(again.code()).isEqualTo(40110);
        assertThat(expired.code()).isEqualTo(40110);
    }

    @Test
    void aWrongSecretIsAnInvalidApp() {
        String code = acme.tiktok.authorizationCode("ana@acme.test", AcmeCenter.APP_ID, AcmeCenter.REDIRECT);

        OpenApiClient.Answer answer = acme.api.post(
                "oauth2/access_token", "", Map.of("app_id", AcmeCenter.APP_ID, "secret", "wrong", "auth_code", code));

        assertThat(answer.code()).isEqualTo(40101);
    }

    @Test
    void userInfoNamesTheTokensAccountWithAMaskedAddress() {
        String token = exchange(acme.tiktok.authorizationCode("ana@acme.test", AcmeCenter.APP_ID, AcmeCenter.REDIRECT))
                .data()
                .path("access_token")
                .asString();

        JsonNode me = acme.api.get("user/info", token, Map.of()).data();

        assertThat(me.path("core_user_id").asString()).isEqualTo(acme.ana.userId());
        assertThat(me.path("display_name").asString()).isEqualTo("Ana Ruiz");
        assertThat(me.path("email").asString()).isEqualTo("a***@acme.test");
    }

    @Test
    void advertiserGetListsTheAdAccountsTheTokenReaches() {
        BcAsset eu = acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");
        acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads US");
        acme.tiktok.assign(eu.assetId(), acme.ana.userId(), java.util.List.of("ANALYST"));

        JsonNode olives = acme.api
                .get(
                        "oauth2/advertiser/get",
                        acme.oliveToken,
                        Map.of("app_id", AcmeCenter.APP_ID, "secret", AcmeCenter.SECRET))
                .data()
                .path("list");
        JsonNode anas = acme.api
                .get(
                        "oauth2/advertiser/get",
                        acme.anaToken,
                        Map.of("app_id", AcmeCenter.APP_ID, "secret", AcmeCenter.SECRET))
                .data()
                .path("list");

        assertThat(olives.findValuesAsString("advertiser_name")).containsExactly("Acme Ads EU", "Acme Ads US");
        assertThat(anas.findValuesAsString("advertiser_id")).containsExactly(eu.assetId());
    }

    private OpenApiClient.Answer exchange(String code) {
        return acme.api.post(
                "oauth2/access_token",
                "",
                Map.of("app_id", AcmeCenter.APP_ID, "secret", AcmeCenter.SECRET, "auth_code", code));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(
                    pair.substring(0, equals),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
