package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.Secret;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSecretProofTests {

    @Test
    void proofIsTheHexHmacSha256OfTheTokenKeyedWithTheAppSecret() {
        MetaSettings settings = MetaSettings.parse(
                HubSettings.of(Map.of("app_id", "42", "app_secret", "app-secret-42", "business_id", "555")));
        Graph graph = new Graph(settings, HubTransport.of(HttpClient.newHttpClient(), Clock.systemUTC()));

        // Computed independently: HMAC-SHA256(key="app-secret-42", message="EAAB-token"), hex.
        assertThat(graph.proof(Secret.of("EAAB-token")))
                .isEqualTo("eadff943f6253223103991d43cd23ee1a13a9bfa6532a8d9b0fa528e261a8118");
    }
}
