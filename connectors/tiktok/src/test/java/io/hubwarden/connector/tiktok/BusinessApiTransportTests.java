package io.hubwarden.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.simulator.SimulatorServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the connector speaks HTTP to the Business API. */
class BusinessApiTransportTests {

    private static final String CENTER = "7000000000000000042";

    @BeforeAll
    static void answerWithoutDelayedAcks() {
        SimulatorServer.avoidDelayedAcks();
    }

    @Test
    void overPlainHttpRequestsAreHttp11WithoutAnUpgradeOffer() throws IOException {
        List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        api.createContext("/", exchange -> {
            seen.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = ("{\"code\":0,\"message\":\"OK\",\"request_id\":\"r1\",\"data\":{\"list\":[{\"bc_info\":"
                            + "{\"bc_id\":\"" + CENTER + "\",\"name\":\"Plain\"},\"user_role\":\"ADMIN\"}],"
                            + "\"page_info\":{\"page\":1,\"page_size\":50,\"total_number\":1,\"total_page\":1}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        api.start();
        try {
            String base = "http://127.0.0.1:" + api.getAddress().getPort();
            HubSettings plain = HubSettings.of(Map.of(
                    "app_id",
                    "7000000000000000001",
                    "secret",
                    "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                    "bc_id",
                    CENTER,
                    "api_base_url",
                    base,
                    "auth_page_url",
                    base + "/portal/auth"));
            HttpClient defaults = HttpClient.newHttpClient();
            assertThat(defaults.version()).isEqualTo(HttpClient.Version.HTTP_2);
            ServiceCredential credential = ServiceCredential.of("act.plain-token");

            var connector = new TikTokConnectorProvider().open(plain, HubTransport.of(defaults, Clock.systemUTC()));
            assertThat(connector.business(credential).name()).isEqualTo("Plain");
            connector.business(credential);
        } finally {
            api.stop(0);
        }

        assertThat(seen)
                .hasSize(2)
                .allSatisfy(headers -> assertThat(headers.keySet())
                        .noneMatch(
                                name -> name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("HTTP2-Settings")));
    }
}
