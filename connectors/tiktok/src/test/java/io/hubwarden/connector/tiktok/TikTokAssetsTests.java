package io.hubwarden.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TikTok's one role per asset, where Hubwarden's grants unite the tasks of several shares. */
class TikTokAssetsTests {

    private static TikTokSimulator tiktok;
    private static TikTokSimulatorControl control;

    @BeforeAll
    static void start() {
        tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults());
        control = new TikTokSimulatorControl(tiktok);
        control.reset();
    }

    @AfterAll
    static void stop() {
        tiktok.close();
    }

    @Test
    void grantingSeveralRolesAssignsTheMostPowerfulOfThem() {
        HubConnector connector = new TikTokConnectorProvider()
                .open(control.settings(), HubTransport.of(HttpClient.newHttpClient(), Clock.systemUTC()));
        AssetRef ads = control.seedAsset(AssetKind.AD_ACCOUNT, "Acme Ads EU").ref();
        EmailAddress ana = EmailAddress.of("ana@acme.test");
        control.seedMember(ana, "Ana Ruiz", TikTokRoles.STANDARD);
        String anaId = tiktok.account(ana.value()).orElseThrow().coreUserId();

        connector
                .assets()
                .orElseThrow()
                .grant(control.serviceCredential(), ads, new HubUserId(anaId), Set.of("ANALYST", "OPERATOR"));

        assertThat(tiktok.assignments(ads.id())).containsEntry(anaId, List.of("OPERATOR"));
    }
}
