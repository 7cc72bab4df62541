package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the connector makes of a Graph API that cannot be reached or does not answer in its format. */
class GraphTransportTests {

    private static MetaSimulator meta;
    private static MetaSimulatorControl control;
    private static HttpClient http;

    @BeforeAll
    static void startTheSimulator() {
        LoopbackServers.answerWithoutNagleDelay();
        meta = MetaSimulator.start(MetaSimulator.Options.defaults().withHttpsPort(-1));
        control = new MetaSimulatorControl(meta);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopTheSimulator() {
        meta.close();
    }

    @BeforeEach
    void startFromAConnectedBusiness() {
        control.reset();
    }

    @Test
    void aGraphAddressWhereNobodyListensIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HubSettings nowhere = control.settings().with("graph_base_url", "http://127.0.0.1:" + closedPort);

        HubFailure failure = catchThrowableOfType(
                HubFailure.class,
                () -> open(nowhere, HubTransport.of(http, Clock.systemUTC())).business(control.serviceCredential()));

        assertThat(failure).isInstanceOf(HubUnavailable.class);
        assertThat(control.serviceCredential().token().isIn(failure.toString())).isFalse();
    }

    @Test
    void anAnswerThatIsNotJsonIsUnavailable() {
        meta.injectFault("*", "/**", Fault.malformedBody(), 1);

        HubFailure failure =
                catchThrowableOfType(HubFailure.class, () -> connector().business(control.serviceCredential()));

        assertThat(failure).isInstanceOf(HubUnavailable.class);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsUnavailable() {
        meta.injectFault("*", "/**", Fault.latency(Duration.ofSeconds(3)), 1);
        HubTransport impatient = new HubTransport(http, Clock.systemUTC(), Duration.ofMillis(100));

        HubFailure failure = catchThrowableOfType(
                HubFailure.class, () -> open(control.settings(), impatient).business(control.serviceCredential()));

        assertThat(failure).isInstanceOf(HubUnavailable.class);
    }

    @Test
    void theUsualThrottlingCodesAllReadAsRateLimits() {
        for (int code : new int[] {4, 17, 613, 80004}) {
            meta.injectFault("*", "/**", Fault.rateLimited(code, Duration.ofMinutes(2)), 1);

            HubFailure failure =
                    catchThrowableOfType(HubFailure.class, () -> connector().business(control.serviceCredential()));

            assertThat(failure).as("code %d", code).isInstanceOf(HubRateLimited.class);
        }
    }

    @Test
    void overPlainHttpRequestsAreHttp11WithoutAnUpgradeOffer() throws IOException {
        List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
        HttpServer graph = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        graph.createContext("/", exchange -> {
            seen.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = "{\"id\":\"555\",\"name\":\"Plain\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        graph.start();
        try {
            HubSettings plain = control.settings()
                    .with(
                            "graph_base_url",
                            "http://127.0.0.1:" + graph.getAddress().getPort());
            HttpClient defaults = HttpClient.newHttpClient();
            assertThat(defaults.version()).isEqualTo(HttpClient.Version.HTTP_2);

            open(plain, HubTransport.of(defaults, Clock.systemUTC())).business(control.serviceCredential());
            open(plain, HubTransport.of(defaults, Clock.systemUTC())).business(control.serviceCredential());
        } finally {
            graph.stop(0);
        }

        assertThat(seen)
                .hasSize(2)
                .allSatisfy(headers -> assertThat(headers.keySet())
                        .noneMatch(
                                name -> name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("HTTP2-Settings")));
    }

    private static HubConnector connector() {
        return open(control.settings(), HubTransport.of(http, Clock.systemUTC()));
    }

    private static HubConnector open(HubSettings settings, HubTransport transport) {
        return new MetaConnectorProvider().open(settings, transport);
    }
}
