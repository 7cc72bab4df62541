package io.hubwarden.simulator.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The control API over HTTP, and the demo seed the embedded default starts with. */
class ControlAndDemoTests {

    @Test
    void theControlApiSeedsAndActsAsPeopleAndIsNeitherLoggedNorFaulted() {
        try (TikTokSimulator tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults())) {
            OpenApiClient client = new OpenApiClient(tiktok.baseUrl());

            control(
                    client,
                    "/__sim/apps",
                    "{\"app_id\":\"71\",\"secret\":\"s\",\"redirect_uris\":[\"http://x.test/cb\"]}");
            String bcId = control(client, "/__sim/business_centers", "{\"name\":\"Zed BC\"}")
                    .path("bcId")
                    .asString();
            control(client, "/__sim/accounts", "{\"email\":\"zoe@zed.test\",\"name\":\"Zoe\",\"password\":\"pw\"}");
            control(
                    client,
                    "/__sim/business_centers/" + bcId + "/members",
                    "{\"email\":\"zoe@zed.test\",\"role\":\"ADMIN\"}");
            control(client, "/__sim/business_centers/" + bcId + "/invitations", "{\"email\":\"yan@zed.test\"}");
            control(client, "/__sim/faults", "{\"kind\":\"RATE_LIMITED\",\"path\":\"/bc/get\",\"times\":1}");
            String token = control(client, "/__sim/tokens", "{\"email\":\"zoe@zed.test\",\"app_id\":\"71\"}")
                    .path("access_token")
                    .asString();
            OpenApiClient.Answer refusedSeed = client.send(
                    HttpRequest.newBuilder(tiktok.baseUrl().resolve("/__sim/business_centers/" + bcId + "/members"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@zed.test\"}")));

            OpenApiClient.Answer throttled = client.get("bc/get", token, Map.of());
            OpenApiClient.Answer listed = client.get("bc/member/get", token, Map.of("bc_id", bcId));

            assertThat(refusedSeed.status()).isEqualTo(400);
            assertThat(throttled.code()).isEqualTo(40100);
            assertThat(listed.data().path("list").findValuesAsString("relation_status"))
                    .containsExactly("BOUND", "PENDING");
            assertThat(tiktok.requestsServed()).isEqualTo(2);
            assertThat(client.page("/__sim/state").json().path("business_centers"))
                    .hasSize(1);
        }
    }

    @Test
    void theDemoBusinessCenterIsReadyToConnect() {
        try (TikTokSimulator tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults())) {
            TikTokDemo demo = TikTokDemo.seed(tiktok);
            OpenApiClient client = new OpenApiClient(tiktok.baseUrl());

            JsonNode rows = client.get(
                            "bc/member/get",
                            demo.ownerToken(),
                            Map.of("bc_id", demo.businessCenter().bcId()))
                    .data()
                    .path("list");

            assertThat(demo.businessCenter().name()).isEqualTo("Acme Ads");
            assertThat(rows.findValuesAsString("relation_status"))
                    .containsExactly("BOUND", "BOUND", "BOUND", "PENDING", "PENDING");
            assertThat(rows.findValuesAsString("user_role")).startsWith("ADMIN");
            assertThat(demo.invitations()).hasSize(2);
            assertThat(tiktok.assets(demo.businessCenter().bcId()))
                    .extracting(BcAsset::type)
                    .contains(AssetType.ADVERTISER, AssetType.CATALOG, AssetType.PIXEL);
            assertThat(demo.summary()).anySatisfy(line -> assertThat(line).contains(TikTokDemo.APP_ID));
        }
    }

    private static JsonNode control(OpenApiClient client, String path, String json) {
        OpenApiClient.Answer answer =
                client.send(HttpRequest.newBuilder(client.origin().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
