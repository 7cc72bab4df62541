package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running server over real HTTP: probes, metrics and error responses as operators and clients see them. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "hubwarden.metrics.password=scrape-secret-for-tests")
class ServerTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAndProbesAnswerWithoutSignIn() throws Exception {
        assertThat(get("/actuator/health", "application/json").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/health/readiness", "application/json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void metricsAreRefusedToAnonymousCallers() throws Exception {
        var response = get("/actuator/prometheus", "text/plain");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("jvm_");
    }

    @Test
    void metricsScraperReadsPrometheusMetricsWithItsPassword() throws Exception {
        var credentials = Base64.getEncoder()
                .encodeToString("prometheus:scrape-secret-for-tests".getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Basic " + credentials)
                .build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void wrongScraperPasswordIsRefused() throws Exception {
        var credentials = Base64.getEncoder().encodeToString("prometheus:guess".getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Basic " + credentials)
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        assertThat(get("/actuator/env", "application/json").statusCode()).isIn(401, 404);
        assertThat(get("/actuator/beans", "application/json").statusCode()).isIn(401, 404);
    }

    @Test
    void jsonClientsGetProblemDetailsWithAStableType() throws Exception {
        var response = get("/people/42", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"https://hubwarden.io/problems/unauthenticated\"")
                .contains("\"status\":401");
    }

    @Test
    void unknownPageIsAReadablePageForBrowsers() throws Exception {
        var response = get("/css/none.css", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("This page does not exist").doesNotContain("Whitelabel");
    }

    @Test
    void unknownResourceIsAProblemForJsonClients() throws Exception {
        var response = get("/css/none.css", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"type\":\"https://hubwarden.io/problems/not-found\"");
    }

    @Test
    void stylesheetIsServedLocally() throws Exception {
        var response = get("/css/hubwarden.css", "text/css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("--accent");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
