package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.tck.HubConnectorContract;
import io.hubwarden.connector.tck.HubSimulatorControl;
import io.hubwarden.simulator.SimulatorServer;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector contract, against the TikTok simulator over loopback HTTP. */
class TikTokConnectorTests extends HubConnectorContract {

    private static TikTokSimulator tiktok;
    private static TikTokSimulatorControl control;
    private static HttpClient http;

    @BeforeAll
    static void startTheSimulator() {
        SimulatorServer.avoidDelayedAcks();
        tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults());
        control = new TikTokSimulatorControl(tiktok);
        control.reset();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopTheSimulator() {
        tiktok.close();
    }

    @Override
    protected HubConnector connector() {
        return new TikTokConnectorProvider().open(control.settings(), HubTransport.of(http, Clock.systemUTC()));
    }

    @Override
    protected HubSimulatorControl simulator() {
        return control;
    }

    @Override
    protected Map<String, String> malformedSettings() {
        return Map.of(
                "bc_id", "acme-ads",
                "app_id", "app-7000",
                "api_base_url", "business-api.tiktok.com",
                "auth_page_url", "https://business-api.tiktok.com");
    }
}
