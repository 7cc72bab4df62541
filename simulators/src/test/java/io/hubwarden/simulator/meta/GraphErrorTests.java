package io.hubwarden.simulator.meta;

import static io.hubwarden.simulator.meta.GraphClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.simulator.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Bad requests, each answered with Meta's error envelope, code, subcode and a non-2xx status. */
class GraphErrorTests {

    private AcmeAds acme;

    @BeforeEach
    void startAcme() {
        acme = AcmeAds.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    /** A bad request and what Graph answers it with. */
    record Refusal(String name, Function<AcmeAds, GraphClient.Answer> request, int status, int code, int subcode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("missing token", acme -> acme.graph.get("/v25.0/" + acme.business.id()), 400, 190, 0),
                new Refusal(
                        "token the hub never issued",
                        acme -> acme.graph.get("/v25.0/me?access_token=EAAforged"),
                        400,
                        190,
                        0),
                new Refusal(
                        "expired token",
                        acme -> acme.graph.get("/v25.0/me?access_token="
                                + acme.meta.expiredUserToken(
                                        AcmeAds.OWNER, AcmeAds.APP_ID, Set.of("business_management"))),
                        400,
                        190,
                        463),
                new Refusal(
                        "unknown node",
                        acme -> acme.graph.get(acme.withToken("/v25.0/918273645546372819")),
                        400,
                        100,
                        33),
                new Refusal(
                        "deleting an unknown node",
                        acme -> acme.graph.delete("/v25.0/918273645546372819", form("access_token", acme.token)),
                        400,
                        100,
                        33),
                new Refusal(
                        "unknown field",
                        acme -> acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "?fields=id,colour")),
                        400,
                        100,
                        0),
                new Refusal(
                        "unknown edge",
                        acme -> acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/owned_spaceships")),
                        400,
                        100,
                        0),
                new Refusal(
                        "invitation without email",
                        acme -> acme.graph.post(
                                "/v25.0/" + acme.business.id() + "/business_users", form("access_token", acme.token)),
                        400,
                        100,
                        0),
                new Refusal(
                        "unknown role",
                        acme -> acme.graph.post(
                                "/v25.0/" + acme.business.id() + "/business_users",
                                form("email", "x@acme.test", "role", "OVERLORD", "access_token", acme.token)),
                        400,
                        100,
                        0),
                new Refusal(
                        "invalid task combination on an ad account",
                        acme -> assignOnAdAccount(acme, "[\"MANAGE\"]"),
                        400,
                        100,
                        1_752_129),
                new Refusal("unknown ad-account task", acme -> assignOnAdAccount(acme, "[\"FLY\"]"), 400, 100, 0),
                new Refusal(
                        "catalog without tasks",
                        acme -> {
                            Asset catalog = acme.meta.seedAsset(acme.business.id(), AssetType.PRODUCT_CATALOG, "Shop");
                            return acme.graph.post(
                                    "/v25.0/" + catalog.id() + "/assigned_users",
                                    form("user", acme.owner.id(), "access_token", acme.token));
                        },
                        400,
                        100,
                        0),
                new Refusal(
                        "assigned users without business",
                        acme -> {
                            Asset page = acme.meta.seedAsset(acme.business.id(), AssetType.PAGE, "Acme");
                            return acme.graph.get(acme.withToken("/v25.0/" + page.id() + "/assigned_users"));
                        },
                        400,
                        100,
                        0),
                new Refusal(
                        "token without business_management",
                        acme -> acme.graph.get("/v25.0/" + acme.business.id() + "/business_users?access_token="
                                + acme.meta.userToken(AcmeAds.OWNER, AcmeAds.APP_ID, Set.of("email"))),
                        403,
                        200,
                        0),
                new Refusal(
                        "wrong appsecret_proof",
                        acme -> acme.graph.get(acme.withToken("/v25.0/me?appsecret_proof=" + "ab".repeat(32))),
                        400,
                        104,
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badRequestsGetMetasEnvelopeAndCode(Refusal refusal) {
        GraphClient.Answer answer = refusal.request().apply(acme);

        assertThat(answer.status()).isEqualTo(refusal.status());
        JsonNode error = answer.error();
        assertThat(error.path("code").asInt()).isEqualTo(refusal.code());
        assertThat(error.path("error_subcode").asInt(0)).isEqualTo(refusal.subcode());
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("type").asString()).isIn("OAuthException", "GraphMethodException");
        assertThat(error.path("fbtrace_id").asString()).hasSizeGreaterThan(10);
    }

    static Stream<Arguments> throttlingCodes() {
        return Stream.of(
                Arguments.of(80_004, 2_446_079),
                Arguments.of(4, 0),
                Arguments.of(17, 2_446_079),
                Arguments.of(613, 1_487_742));
    }

    @ParameterizedTest(name = "code {0}")
    @MethodSource("throttlingCodes")
    void throttlingIsHttp400WithTheTimeToRegainAccess(int code, int subcode) {
        acme.meta.injectFault("GET", "/*/business_users", Fault.rateLimited(code, Duration.ofMinutes(7)), 1);

        GraphClient.Answer throttled =
                acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"));
        GraphClient.Answer next = acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"));

        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.error().path("code").asInt()).isEqualTo(code);
        assertThat(throttled.error().path("error_subcode").asInt(0)).isEqualTo(subcode);
        assertThat(throttled.error().path("is_transient").asBoolean()).isTrue();
        assertThat(throttled.header("X-Business-Use-Case-Usage"))
                .contains("\"" + acme.business.id() + "\"", "\"estimated_time_to_regain_access\":7");
        assertThat(next.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "code {0}")
    @MethodSource("serverErrorCodes")
    void serverErrorsAreHttp500WithCodeOneOrTwo(int code) {
        acme.meta.injectFault("*", "/**", Fault.serverError(500, code), 1);

        GraphClient.Answer failed = acme.graph.get(acme.withToken("/v25.0/me"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.error().path("code").asInt()).isEqualTo(code);
        assertThat(failed.error().path("is_transient").asBoolean()).isTrue();
    }

    static Stream<Integer> serverErrorCodes() {
        return Stream.of(1, 2);
    }

    @Test
    void anInjectedExpiredTokenAnswers190With463() {
        acme.meta.injectFault("GET", "/me", Fault.authExpired(), 1);

        GraphClient.Answer expired = acme.graph.get(acme.withToken("/v25.0/me"));

        assertThat(expired.error().path("code").asInt()).isEqualTo(190);
        assertThat(expired.error().path("error_subcode").asInt()).isEqualTo(463);
    }

    @Test
    void aMalformedBodyIsNotJson() {
        acme.meta.injectFault("GET", "/*/business_users", Fault.malformedBody(), 1);

        GraphClient.Answer broken = acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"));

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.body()).startsWith("{").doesNotEndWith("}");
    }

    @Test
    void faultsLastForTheirCountOnTheirRouteOnly() {
        acme.meta.injectFault("POST", "/*/business_users", Fault.serverError(503, 2), 2);

        GraphClient.Answer read = acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"));
        List<Integer> invites = Stream.of(1, 2, 3)
                .map(i -> acme.graph
                        .post(
                                "/v25.0/" + acme.business.id() + "/business_users",
                                form("email", "p" + i + "@acme.test", "access_token", acme.token))
                        .status())
                .toList();

        assertThat(read.status()).isEqualTo(200);
        assertThat(invites).containsExactly(503, 503, 200);
        assertThat(acme.meta.pendingFaults()).isEmpty();
    }

    @Test
    void latencyDelaysButDoesNotFail() {
        acme.meta.injectFault("GET", "/me", Fault.latency(Duration.ofMillis(200)), 1);

        GraphClient.Answer slow = acme.graph.get(acme.withToken("/v25.0/me"));

        assertThat(slow.status()).isEqualTo(200);
        assertThat(acme.meta.pendingFaults()).isEmpty();
    }

    @Test
    void reachingTheHourlyLimitThrottlesWithCodeFourUntilTheHourEnds() {
        MetaSimulator.Options tightLimit =
                MetaSimulator.Options.defaults().withClock(acme.clock).withCallsPerHour(3);
        try (MetaSimulator tight = MetaSimulator.start(tightLimit)) {
            tight.seedApp(
                    new MetaApp(AcmeAds.APP_ID, AcmeAds.APP_SECRET, "Hubwarden", List.of(AcmeAds.REDIRECT), false));
            tight.seedPerson("solo@acme.test", "Solo", "pw");
            String token = tight.userToken("solo@acme.test", AcmeAds.APP_ID, Set.of("business_management"));
            GraphClient graph = new GraphClient(tight.baseUrl());

            List<GraphClient.Answer> answers = Stream.of(1, 2, 3, 4)
                    .map(i -> graph.get("/v25.0/me?access_token=" + token))
                    .toList();
            tight.advanceClock(Duration.ofHours(1));
            GraphClient.Answer later = graph.get("/v25.0/me?access_token=" + token);

            assertThat(answers).extracting(GraphClient.Answer::status).containsExactly(200, 200, 200, 400);
            assertThat(answers.get(2).header("X-App-Usage")).contains("\"call_count\":66");
            assertThat(answers.get(3).error().path("code").asInt()).isEqualTo(4);
            assertThat(later.status()).isEqualTo(200);
        }
    }

    @Test
    void appsThatRequireAProofRefuseCallsWithoutOne() {
        try (AcmeAds strict = AcmeAds.requiringAppsecretProof()) {
            GraphClient.Answer without = strict.graph.get(strict.withToken("/v25.0/me"));
            GraphClient.Answer with = strict.graph.get(strict.withToken(
                    "/v25.0/me?appsecret_proof=" + GraphApi.appsecretProof(AcmeAds.APP_SECRET, strict.token)));

            assertThat(without.error().path("code").asInt()).isEqualTo(100);
            assertThat(without.error().path("type").asString()).isEqualTo("GraphMethodException");
            assertThat(with.status()).isEqualTo(200);
        }
    }

    private static GraphClient.Answer assignOnAdAccount(AcmeAds acme, String tasks) {
        Asset account = acme.meta.seedAsset(acme.business.id(), AssetType.AD_ACCOUNT, "Acme EU");
        return acme.graph.post(
                "/v25.0/" + account.id() + "/assigned_users",
                form("user", acme.owner.id(), "tasks", tasks, "access_token", acme.token));
    }
}
