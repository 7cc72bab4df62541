package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
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

    private static HubConnector connector() {
        return open(control.settings(), HubTransport.of(http, Clock.systemUTC()));
    }

    private static HubConnector open(HubSettings settings, HubTransport transport) {
        return new MetaConnectorProvider().open(settings, transport);
    }
}
