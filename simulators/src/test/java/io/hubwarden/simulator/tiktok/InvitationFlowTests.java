package io.hubwarden.simulator.tiktok;

import static io.hubwarden.simulator.tiktok.OpenApiClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubwarden.simulator.PageForms;
import io.hubwarden.simulator.mail.Mail;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An invitation as the invited person lives it: the mail, the join page, accepting, declining, lapsing. */
class InvitationFlowTests {

    private AcmeCenter acme;

    @BeforeEach
    void start() {
        acme = AcmeCenter.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    @Test
    void theInvitedPersonFollowsTheMailSignsInWithTheInvitedAddressAndAccepts() {
        BcAsset ads = acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");
        acme.tiktok.seedAccount("bo@acme.test", "Bo Berg", "bo-secret");
        invite("bo@acme.test", List.of(ads.assetId()));

        Mail mail =
                acme.mailbox.awaitMailTo("bo@acme.test", Duration.ofSeconds(5)).orElseThrow();
        URI link = mail.links().get(0);
        OpenApiClient.Answer page = acme.api.page(link.getRawPath() + "?" + link.getRawQuery());
        OpenApiClient.Answer signedIn = acme.api.submit(
                link.getRawPath(),
                form(
                        "token", PageForms.hidden(page.body(), "token"),
                        "action", "login",
                        "email", "bo@acme.test",
                        "password", "bo-secret"));
        OpenApiClient.Answer accepted = acme.api.submit(
                link.getRawPath(),
                form(
                        "token", PageForms.hidden(signedIn.body(), "token"),
                        "session", PageForms.hidden(signedIn.body(), "session"),
                        "action", "accept"));

        assertThat(mail.from()).isEqualTo(InvitationMail.SENDER);
        assertThat(mail.subject()).contains("Acme Ads", "Business Center");
        assertThat(link.toString()).startsWith(acme.tiktok.baseUrl() + "/bc/invitation/?token=");
        assertThat(page.body()).contains("bo@acme.test", "Acme Ads");
        assertThat(accepted.body()).contains("You joined Acme Ads");
        JsonNode bo = members("{\"keyword\":\"bo@acme.test\"}").get(0);
        String coreUserId = acme.tiktok.account("bo@acme.test").orElseThrow().coreUserId();
        assertThat(bo.path("relation_status").asString()).isEqualTo("BOUND");
        assertThat(bo.path("user_id").asString()).isEqualTo(coreUserId);
        assertThat(bo.path("user_name").asString()).isEqualTo("Bo Berg");
        assertThat(acme.tiktok.assignments(ads.assetId())).containsEntry(coreUserId, List.of("OPERATOR"));
    }

    @Test
    void anotherAccountCannotAcceptSomeoneElsesInvitation() {
        acme.tiktok.createInvitation(acme.bcId(), "bo@acme.test", "STANDARD");

        Throwable refused = catchThrowable(() -> acme.tiktok.acceptInvitation(acme.bcId(), "ana@acme.test"));
        URI link = acme.tiktok.createInvitation(acme.bcId(), "cy@acme.test", "STANDARD");
        OpenApiClient.Answer asAna = acme.api.submit(
                link.getRawPath(),
                form(
                        "token",
                        link.getRawQuery().substring("token=".length()),
                        "action",
                        "login",
                        "email",
                        "ana@acme.test",
                        "password",
                        AcmeCenter.PASSWORD));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class);
        assertThat(asAna.body())
                .contains("the invitation was sent to cy@acme.test")
                .doesNotContain("Accept");
        assertThat(acme.tiktok.members(acme.bcId()))
                .filteredOn(row -> row.email().equals("cy@acme.test"))
                .extracting(BcMember::relationStatus)
                .containsExactly(BcMember.RelationStatus.PENDING);
    }

    @Test
    void declinedInvitationsStayListedAsRejected() {
        acme.tiktok.createInvitation(acme.bcId(), "bo@acme.test", "STANDARD");

        acme.tiktok.rejectInvitation(acme.bcId(), "bo@acme.test");

        assertThat(members("{\"relation_status\":\"REJECTED\"}").findValuesAsString("user_email"))
                .containsExactly("bo@acme.test");
    }

    @Test
    void anInvitationLapsesOnTheSimulatedClockAndIsSentAgainOnlyOnceItsRowIsDeleted() {
        URI link = acme.tiktok.createInvitation(acme.bcId(), "bo@acme.test", "STANDARD");
        acme.tiktok.advanceClock(Duration.ofDays(30));

        JsonNode lapsed = members("{\"keyword\":\"bo@\"}");
        OpenApiClient.Answer page = acme.api.page(link.getRawPath() + "?" + link.getRawQuery());
        Throwable acceptLapsed = catchThrowable(() -> acme.tiktok.acceptInvitation(acme.bcId(), "bo@acme.test"));
        invite("bo@acme.test", List.of());
        JsonNode invitedAgain = members("{\"keyword\":\"bo@\"}");
        OpenApiClient.Answer deleted = acme.api.post(
                "bc/member/delete", acme.oliveToken, Map.of("bc_id", acme.bcId(), "user_email", "bo@acme.test"));
        invite("bo@acme.test", List.of());

        assertThat(lapsed.findValuesAsString("relation_status")).containsExactly("UNBOUND");
        assertThat(page.status()).isEqualTo(410);
        assertThat(acceptLapsed).isInstanceOf(IllegalArgumentException.class);
        assertThat(invitedAgain.findValuesAsString("relation_status")).containsExactly("UNBOUND");
        assertThat(deleted.code()).isZero();
        assertThat(members("{\"keyword\":\"bo@\"}").findValuesAsString("relation_status"))
                .containsExactly("PENDING");
        assertThat(acme.mailbox.awaitMailTo("bo@acme.test", Duration.ofSeconds(5)))
                .isPresent();
        assertThat(acme.mailbox.mailsTo("bo@acme.test")).hasSize(1);
    }

    @Test
    void invitingAnAddressThatIsPendingSendsNoSecondMail() {
        invite("bo@acme.test", List.of());
        assertThat(acme.mailbox.awaitMailTo("bo@acme.test", Duration.ofSeconds(5)))
                .isPresent();

        invite("bo@acme.test", List.of());

        assertThat(members("{\"keyword\":\"bo@\"}")).hasSize(1);
        assertThat(acme.mailbox.mailsTo("bo@acme.test")).hasSize(1);
    }

    private void invite(String email, List<String> assetIds) {
        OpenApiClient.Answer answer = acme.api.post(
                "bc/member/invite",
                acme.oliveToken,
                Map.of(
                        "bc_id",
                        acme.bcId(),
                        "emails",
                        List.of(email),
                        "user_role",
                        "STANDARD",
                        "asset_type",
                        "ADVERTISER",
                        "asset_ids",
                        assetIds,
                        "advertiser_role",
                        "OPERATOR"));
        assertThat(answer.code()).as(answer.body()).isZero();
    }

    private JsonNode members(String filtering) {
        return acme.api
                .get("bc/member/get", acme.oliveToken, Map.of("bc_id", acme.bcId(), "filtering", filtering))
                .data()
                .path("list");
    }
}
