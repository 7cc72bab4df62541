package io.hubwarden.simulator.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MetaDemoTests {

    @Test
    void theDemoBusinessIsReadyToConnect() {
        try (MetaSimulator meta =
                MetaSimulator.start(MetaSimulator.Options.defaults().withHttpsPort(-1))) {
            MetaDemo demo = MetaDemo.seed(meta);
            GraphClient graph = new GraphClient(meta.baseUrl());

            JsonNode users = graph.get("/v25.0/" + demo.business().id()
                            + "/business_users?fields=email,role&access_token=" + demo.ownerToken())
                    .json();
            JsonNode pending = graph.get(
                            "/v25.0/" + demo.business().id() + "/pending_users?access_token=" + demo.systemUserToken())
                    .json();

            assertThat(demo.business().name()).isEqualTo("Acme Ads");
            assertThat(users.path("data").findValuesAsString("role")).containsExactly("ADMIN", "EMPLOYEE", "EMPLOYEE");
            assertThat(pending.path("data")).hasSize(2);
            assertThat(demo.app().redirectUris())
                    .extracting(Object::toString)
                    .containsExactly(
                            "http://127.0.0.1:8080/hubs/oauth/callback",
                            "http://127.0.0.1:8080/profiles/oauth/callback");
            assertThat(meta.assets(demo.business().id()))
                    .extracting(Asset::type)
                    .contains(AssetType.values());
        }
    }
}
