package io.hubwarden.simulator.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.simulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The control API lets a client in another process seed, act and inspect as the Java API does. */
class ControlApiTests {

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
    void seedsAPersonAndAMemberAndATokenThatGraphAccepts() {
        acme.graph.postJson("/__sim/people", "{\"email\":\"ana@acme.test\",\"name\":\"Ana Ruiz\",\"password\":\"pw\"}");
        JsonNode seat = acme.graph
                .postJson(
                        "/__sim/businesses/" + acme.business.id() + "/users",
                        "{\"email\":\"ana@acme.test\",\"role\":\"EMPLOYEE\"}")
                .json();
        String token = acme.graph
                .postJson(
                        "/__sim/tokens",
                        "{\"type\":\"user\",\"email\":\"ana@acme.test\",\"app_id\":\"" + AcmeAds.APP_ID
                                + "\",\"scopes\":[\"business_management\"]}")
                .json()
                .path("access_token")
                .asString();

        JsonNode mine =
                acme.graph.get("/v25.0/me/business_users?access_token=" + token).json();

        assertThat(mine.path("data").get(0).path("id").asString())
                .isEqualTo(seat.path("id").asString());
    }

    @Test
    void invitationsCanBeSeededAndAcceptedAsThePerson() {
        acme.graph.postJson("/__sim/people", "{\"email\":\"bo@acme.test\",\"name\":\"Bo Berg\"}");
        JsonNode invitation = acme.graph
                .postJson(
                        "/__sim/businesses/" + acme.business.id() + "/invitations",
                        "{\"email\":\"bo@acme.test\",\"role\":\"ADMIN\"}")
                .json();

        JsonNode seat = acme.graph
                .postJson(
                        "/__sim/invitations/" + invitation.path("id").asString() + "/accept",
                        "{\"email\":\"bo@acme.test\"}")
                .json();

        assertThat(invitation.path("status").asString()).isEqualTo("PENDING");
        assertThat(invitation.path("inviteLink").asString()).contains("/invitation/?token=");
        assertThat(seat.path("role").asString()).isEqualTo("ADMIN");
        assertThat(acme.meta.pendingRequests(acme.business.id())).isEmpty();
    }

    @Test
    void faultsClockAndStateAreReachable() {
        GraphClient.Answer injected = acme.graph.postJson(
                "/__sim/faults",
                "{\"method\":\"GET\",\"path\":\"/me\",\"kind\":\"rate_limited\",\"code\":17,\"seconds\":120}");
        GraphClient.Answer throttled = acme.graph.get(acme.withToken("/v25.0/me"));
        acme.graph.postJson("/__sim/clock", "{\"advance_seconds\":3600}");
        JsonNode state = acme.graph.get("/__sim/state").json();

        assertThat(injected.json().get(0).path("remaining").asInt()).isEqualTo(1);
        assertThat(throttled.error().path("code").asInt()).isEqualTo(17);
        assertThat(throttled.header("X-Business-Use-Case-Usage")).contains("\"estimated_time_to_regain_access\":2");
        assertThat(acme.clock.offset()).isEqualTo(Duration.ofHours(1));
        assertThat(state.path("businesses")
                        .get(0)
                        .path("users")
                        .get(0)
                        .path("email")
                        .asString())
                .isEqualTo(AcmeAds.OWNER);
    }

    @Test
    void refusedSeedsAndForbiddenActionsSaySo() {
        GraphClient.Answer unknownBusiness =
                acme.graph.postJson("/__sim/businesses/999/assets", "{\"type\":\"page\",\"name\":\"x\"}");
        GraphClient.Answer unknownRoute = acme.graph.get("/__sim/spaceships");
        GraphClient.Answer notJson = acme.graph.postJson("/__sim/businesses", "{");

        assertThat(unknownBusiness.status()).isEqualTo(400);
        assertThat(unknownBusiness.json().path("error").asString()).contains("999");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void controlRequestsAreNeitherLoggedNorFaulted() {
        acme.meta.injectFault("*", "/**", Fault.serverError(500), 1);

        GraphClient.Answer state = acme.graph.get("/__sim/state");

        assertThat(state.status()).isEqualTo(200);
        assertThat(acme.meta.requestsServed()).isZero();
        assertThat(acme.meta.pendingFaults()).hasSize(1);
    }

    @Test
    void resetForgetsEverything() {
        acme.graph.postJson("/__sim/reset", "{}");

        assertThat(acme.meta.businesses()).isEmpty();
        assertThat(acme.graph
                        .get(acme.withToken("/v25.0/me"))
                        .error()
                        .path("code")
                        .asInt())
                .isEqualTo(190);
    }
}
