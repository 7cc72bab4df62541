package io.hubwarden.connector.meta;

import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.tck.HubConnectorContract;
import io.hubwarden.connector.tck.HubSimulatorControl;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector contract, against the Meta simulator over loopback HTTP. */
class MetaConnectorTests extends HubConnectorContract {

    private static MetaSimulator meta;
    private static MetaSimulatorControl control;
    private static HttpClient http;

    @BeforeAll
    static void startTheSimulator() {
        LoopbackServers.answerWithoutNagleDelay();
        meta = MetaSimulator.start(MetaSimulator.Options.defaults().withHttpsPort(-1));
        control = new MetaSimulatorControl(meta);
        control.reset();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopTheSimulator() {
        meta.close();
    }

    @Override
    protected HubConnector connector() {
        return new MetaConnectorProvider().open(control.settings(), HubTransport.of(http, Clock.systemUTC()));
    }

    @Override
    protected HubSimulatorControl simulator() {
        return control;
    }

    @Override
    protected Map<String, String> malformedSettings() {
        return Map.of(
                "business_id", "acme-ads",
                "graph_base_url", "graph.facebook.com",
                "api_version", "25.0");
    }
}
