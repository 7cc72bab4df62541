package io.hubwarden.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.tck.HubConnectorContract;
import io.hubwarden.connector.tck.HubSimulatorControl;
import io.hubwarden.simulator.SimulatorServer;
import io.hubwarden.simulator.tiktok.BcMember;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

    /** What inviting several at once asks of TikTok, which the contract leaves to each connector. */
    @Nested
    class InvitingSeveralInFewCalls {

        @Test
        void invitingOneHundredAndTwentyNewAddressesReadsTheMemberListOnceAndSendsThreeInvites() {
            List<InvitationRequest> requests = requests("new", 120, TikTokRoles.STANDARD);
            long before = control.requestsServed();

            List<InvitationResult> results = connector().inviteAll(control.serviceCredential(), requests);

            assertThat(results)
                    .extracting(result -> result.received().outcome())
                    .containsOnly(InvitationOutcome.INVITED);
            // The list holds only the owner, one page; then invites of 50, 50 and 20 addresses. Invited one by one,
            // each would take a search and an invite: 240 requests.
            assertThat(control.requestsServed() - before).isEqualTo(1 + 3);
        }

        @Test
        void askingAgainForAddressesNowPendingReadsTheMemberListAndSendsNothing() {
            List<InvitationRequest> requests = requests("again", 120, TikTokRoles.STANDARD);
            connector().inviteAll(control.serviceCredential(), requests);
            long before = control.requestsServed();

            List<InvitationResult> results = connector().inviteAll(control.serviceCredential(), requests);

            assertThat(results)
                    .extracting(result -> result.received().outcome())
                    .containsOnly(InvitationOutcome.ALREADY_PENDING);
            // The owner and 120 invitations are 121 rows, three pages of 50.
            assertThat(control.requestsServed() - before).isEqualTo(3);
        }

        @Test
        void aFewAddressesInALargeBusinessCenterAreEachSearchedForInsteadOfReadingEveryPage() {
            for (int i = 0; i < 300; i++) {
                control.seedMember(EmailAddress.of("member." + i + "@acme.test"), "Member " + i, TikTokRoles.STANDARD);
            }
            List<InvitationRequest> requests = new ArrayList<>(requests("few", 2, TikTokRoles.STANDARD));
            requests.add(new InvitationRequest(Invitee.byEmail("member.299@acme.test"), TikTokRoles.STANDARD));
            long before = control.requestsServed();

            List<InvitationResult> results = connector().inviteAll(control.serviceCredential(), requests);

            assertThat(results)
                    .extracting(result -> result.received().outcome())
                    .containsExactly(
                            InvitationOutcome.INVITED, InvitationOutcome.INVITED, InvitationOutcome.ALREADY_MEMBER);
            // The first page says there are 301 rows, seven pages: the six after it cost more than three searches.
            // Then one invite for the two new addresses.
            assertThat(control.requestsServed() - before).isEqualTo(1 + 3 + 1);
        }

        @Test
        void aRefusedCallIsAskedAgainAddressByAddressSoThatOnlyTheOffendingOnesAreRefused() {
            // The owner is one of the 20 admins a Business Center may have: TikTok refuses 21 more in one call.
            List<InvitationRequest> requests = requests("admin", 21, TikTokRoles.ADMIN);

            List<InvitationResult> results = connector().inviteAll(control.serviceCredential(), requests);

            assertThat(results.subList(0, 19))
                    .extracting(result -> result.received().outcome())
                    .containsOnly(InvitationOutcome.INVITED);
            assertThat(results.subList(19, 21))
                    .allSatisfy(result -> assertThat(result.refusal()).isInstanceOf(HubRejected.class));
            assertThat(invitedAddresses()).containsExactlyInAnyOrderElementsOf(emails(requests.subList(0, 19)));
        }

        @Test
        void anAddressAskedForTwiceIsInvitedOnceWithTheFirstRoleAndThenFoundPending() {
            InvitationRequest bo = new InvitationRequest(Invitee.byEmail("bo@acme.test"), TikTokRoles.STANDARD);
            InvitationRequest cy = new InvitationRequest(Invitee.byEmail("cy@acme.test"), TikTokRoles.STANDARD);
            InvitationRequest boAgain = new InvitationRequest(Invitee.byEmail("BO@acme.test"), TikTokRoles.ADMIN);

            List<InvitationResult> results =
                    connector().inviteAll(control.serviceCredential(), List.of(bo, cy, boAgain));

            assertThat(results)
                    .extracting(result -> result.received().outcome())
                    .containsExactly(
                            InvitationOutcome.INVITED, InvitationOutcome.INVITED, InvitationOutcome.ALREADY_PENDING);
            assertThat(results.get(2).received().invitationId())
                    .isEqualTo(results.get(0).received().invitationId());
            assertThat(tiktok.members(control.bcId()))
                    .filteredOn(row -> row.email().equals("bo@acme.test"))
                    .extracting(BcMember::userRole)
                    .containsExactly("STANDARD");
        }

        private List<InvitationRequest> requests(String label, int count, HubRole role) {
            List<InvitationRequest> requests = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                requests.add(new InvitationRequest(Invitee.byEmail(label + "." + i + "@acme.test"), role));
            }
            return requests;
        }

        private List<String> emails(List<InvitationRequest> requests) {
            return requests.stream()
                    .map(request -> request.invitee().email().value())
                    .toList();
        }

        private List<String> invitedAddresses() {
            return tiktok.members(control.bcId()).stream()
                    .filter(row -> !row.bound())
                    .map(BcMember::email)
                    .toList();
        }
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
