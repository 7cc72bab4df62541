package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.tck.HubConnectorContract;
import io.hubwarden.connector.tck.HubSimulatorControl;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void theFirstGrantsOfSixtyAssetsTakeTwoBatchRequests() {
        List<AssetRef> assets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            assets.add(control.seedAsset(AssetKind.AD_ACCOUNT, "Batched " + i).ref());
        }
        var access = connector().assets().orElseThrow();
        long before = control.requestsServed();

        var pages = access.grants(control.serviceCredential(), assets, 100);

        assertThat(control.requestsServed() - before).isEqualTo(2);
        assertThat(pages.keySet()).containsExactlyElementsOf(assets);
    }

    @Test
    void invitingANewAddressReadsItsRequestsOnceBeforeSending() {
        var email = new EmailAddress("new-" + System.nanoTime() + "@example.test");
        long before = control.requestsServed();

        var receipt = connector().invite(control.serviceCredential(), new Invitee(email), MetaRoles.EMPLOYEE);

        // the address's requests, the member with the address, the invitation, and the reconciling read
        assertThat(control.requestsServed() - before).isEqualTo(4);
        assertThat(receipt.outcome()).isEqualTo(InvitationOutcome.INVITED);
    }

    @Test
    void invitingOneHundredAndTwentyNewAddressesTakesTenBatchRequests() {
        var requests = new ArrayList<InvitationRequest>();
        for (int i = 0; i < 120; i++) {
            var email = new EmailAddress("batch-" + i + "-" + System.nanoTime() + "@example.test");
            requests.add(new InvitationRequest(new Invitee(email), MetaRoles.EMPLOYEE));
        }
        long before = control.requestsServed();

        var results = connector().inviteAll(control.serviceCredential(), requests);

        // in batches of at most 50: the addresses' requests (3), the member list (1), the invitations (3), the reads
        // back (3)
        assertThat(control.requestsServed() - before).isEqualTo(10);
        assertThat(results)
                .hasSize(120)
                .allSatisfy(result -> assertThat(result.received().outcome()).isEqualTo(InvitationOutcome.INVITED));
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
