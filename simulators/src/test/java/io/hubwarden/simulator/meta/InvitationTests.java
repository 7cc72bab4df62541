package io.hubwarden.simulator.meta;

import static io.hubwarden.simulator.meta.GraphClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubwarden.simulator.PageForms;
import io.hubwarden.simulator.mail.Mail;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An invitation as the invited person lives it: the mail, the join page, signing in, accepting or declining. */
class InvitationTests {

    private AcmeAds acme;

    @BeforeEach
    void startAcme() {
        acme = AcmeAds.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    @Test
    void theInvitedPersonFollowsTheMailSignsInAndAccepts() {
        acme.meta.seedPerson("bo.private@example.test", "Bo Berg", "bo-secret");
        String invitationId = invite("bo@acme.test", "EMPLOYEE");

        Mail mail =
                acme.mailbox.awaitMailTo("bo@acme.test", Duration.ofSeconds(5)).orElseThrow();
        URI link = mail.links().get(0);
        GraphClient.Answer page = acme.graph.get(link.getRawPath() + "?" + link.getRawQuery());
        GraphClient.Answer signedIn = acme.graph.post(
                link.getRawPath(),
                form(
                        "token", PageForms.hidden(page.body(), "token"),
                        "action", "login",
                        "email", "bo.private@example.test",
                        "password", "bo-secret"));
        GraphClient.Answer accepted = acme.graph.post(
                link.getRawPath(),
                form(
                        "token", PageForms.hidden(signedIn.body(), "token"),
                        "session", PageForms.hidden(signedIn.body(), "session"),
                        "action", "accept"));

        assertThat(mail.subject()).contains("Olive Owner", "Acme Ads");
        assertThat(mail.from()).isEqualTo(InvitationMail.SENDER);
        assertThat(link.toString()).startsWith(acme.meta.baseUrl() + "/invitation/?token=");
        assertThat(page.body()).contains("bo@acme.test", "Acme Ads", "partial access");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("You joined Acme Ads");
        JsonNode members = acme.graph
                .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users?fields=id,email,name"))
                .json();
        assertThat(members.path("data").findValuesAsString("email")).contains("bo@acme.test");
        assertThat(acme.graph
                        .get(acme.withToken("/v25.0/" + acme.business.id() + "/pending_users"))
                        .json()
                        .path("data"))
                .isEmpty();
        String boToken = acme.meta.userToken("bo.private@example.test", AcmeAds.APP_ID, Set.of("business_management"));
        JsonNode mine = acme.graph
                .get("/v25.0/me/business_users?fields=id,business%7Bid%7D&access_token=" + boToken)
                .json();
        String seat = mine.path("data").get(0).path("id").asString();
        assertThat(mine.path("data").get(0).path("business").path("id").asString())
                .isEqualTo(acme.business.id());
        assertThat(seat).isNotEqualTo(invitationId).isIn(members.path("data").findValuesAsString("id"));
    }

    @Test
    void aPersonWithoutALoginSignsUpOnTheJoinPage() {
        invite("cy@acme.test", "ADMIN");
        URI link = acme.mailbox
                .awaitMailTo("cy@acme.test", Duration.ofSeconds(5))
                .orElseThrow()
                .links()
                .get(0);

        GraphClient.Answer signedUp = acme.graph.post(
                link.getRawPath(),
                form(
                        "token", link.getRawQuery().substring("token=".length()),
                        "action", "signup",
                        "name", "Cy Chen",
                        "email", "cy@acme.test",
                        "password", "new-password"));
        acme.graph.post(
                link.getRawPath(),
                form(
                        "token", PageForms.hidden(signedUp.body(), "token"),
                        "session", PageForms.hidden(signedUp.body(), "session"),
                        "action", "accept"));

        assertThat(acme.meta.person("cy@acme.test")).isPresent();
        assertThat(acme.meta.businessUsers(acme.business.id()))
                .filteredOn(user -> user.email().equals("cy@acme.test"))
                .singleElement()
                .satisfies(user -> assertThat(user.role()).isEqualTo("ADMIN"));
    }

    @Test
    void aWrongPasswordKeepsThePersonOnTheSignInPage() {
        acme.meta.seedPerson("bo@acme.test", "Bo Berg", "bo-secret");
        invite("bo@acme.test", "EMPLOYEE");
        URI link = acme.mailbox
                .awaitMailTo("bo@acme.test", Duration.ofSeconds(5))
                .orElseThrow()
                .links()
                .get(0);

        GraphClient.Answer refused = acme.graph.post(
                link.getRawPath(),
                form(
                        "token", link.getRawQuery().substring("token=".length()),
                        "action", "login",
                        "email", "bo@acme.test",
                        "password", "guess"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("incorrect");
        assertThat(acme.meta.pendingRequests(acme.business.id())).hasSize(1);
    }

    @Test
    void declinedInvitationsStayListedAsDeclinedAndCannotBeAccepted() {
        acme.meta.seedPerson("bo@acme.test", "Bo Berg", "bo-secret");
        String id = invite("bo@acme.test", "EMPLOYEE");

        acme.meta.declineInvitation(id, "bo@acme.test");
        JsonNode pending = acme.graph
                .get(acme.withToken("/v25.0/" + acme.business.id() + "/pending_users?fields=id,status"))
                .json();
        URI link = acme.meta.pendingRequests(acme.business.id()).get(0).inviteLink();
        GraphClient.Answer page = acme.graph.get(link.getRawPath() + "?" + link.getRawQuery());

        assertThat(pending.path("data").get(0).path("status").asString()).isEqualTo("DECLINED");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("declined");
    }

    @Test
    void invitationsExpireByTheSimulatedClock() {
        acme.meta.seedPerson("bo@acme.test", "Bo Berg", "bo-secret");
        String id = invite("bo@acme.test", "EMPLOYEE");
        JsonNode fresh = acme.graph
                .get(acme.withToken("/v25.0/" + id + "?fields=status,expiration_time,created_time"))
                .json();

        acme.meta.advanceClock(Duration.ofDays(30));
        JsonNode expired = acme.graph
                .get(acme.withToken("/v25.0/" + id + "?fields=status"))
                .json();
        URI link = acme.meta.pendingRequests(acme.business.id()).get(0).inviteLink();
        GraphClient.Answer page = acme.graph.get(link.getRawPath() + "?" + link.getRawQuery());

        assertThat(fresh.path("status").asString()).isEqualTo("PENDING");
        assertThat(fresh.path("created_time").asString()).isEqualTo("2026-11-02T09:00:00+0000");
        assertThat(fresh.path("expiration_time").asString()).isEqualTo("2026-12-02T09:00:00+0000");
        assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(page.status()).isEqualTo(410);
        assertThat(catchThrowable(() -> acme.meta.acceptInvitation(id, "bo@acme.test")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invitingAPendingAddressAgainAnswersTheSameInvitationAndSendsNoSecondMail() {
        String first = invite("bo@acme.test", "EMPLOYEE");
        assertThat(acme.mailbox.awaitMailTo("bo@acme.test", Duration.ofSeconds(5)))
                .isPresent();

        String second = invite("BO@acme.test", "EMPLOYEE");

        assertThat(second).isEqualTo(first);
        assertThat(acme.meta.pendingRequests(acme.business.id())).hasSize(1);
        assertThat(acme.mailbox.mailsTo("bo@acme.test")).hasSize(1);
    }

    @Test
    void anExpiredInvitationIsReplacedWhenTheAddressIsInvitedAgain() {
        String first = invite("bo@acme.test", "EMPLOYEE");
        acme.meta.advanceClock(Duration.ofDays(31));

        String second = invite("bo@acme.test", "EMPLOYEE");

        assertThat(second).isNotEqualTo(first);
        assertThat(acme.meta.pendingRequests(acme.business.id()))
                .singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo(RoleRequest.Status.PENDING));
        assertThat(acme.mailbox.mailsTo("bo@acme.test")).hasSize(2);
    }

    @Test
    void cancellingWithdrawsTheInvitationAndItsLink() {
        String id = invite("bo@acme.test", "EMPLOYEE");
        URI link = acme.meta.pendingRequests(acme.business.id()).get(0).inviteLink();

        GraphClient.Answer cancelled = acme.graph.delete("/v25.0/" + id, form("access_token", acme.token));
        GraphClient.Answer page = acme.graph.get(link.getRawPath() + "?" + link.getRawQuery());

        assertThat(cancelled.json().path("success").asBoolean()).isTrue();
        assertThat(acme.meta.pendingRequests(acme.business.id())).isEmpty();
        assertThat(page.status()).isEqualTo(404);
    }

    @Test
    void aPendingInvitationsRoleCanBeChanged() {
        String id = invite("bo@acme.test", "EMPLOYEE");

        acme.graph.post("/v25.0/" + id, form("role", "ADMIN", "access_token", acme.token));

        assertThat(acme.graph
                        .get(acme.withToken("/v25.0/" + id + "?fields=role"))
                        .json()
                        .path("role")
                        .asString())
                .isEqualTo("ADMIN");
    }

    @Test
    void invitingSomeoneAlreadyInTheBusinessIsRefused() {
        GraphClient.Answer refused = acme.graph.post(
                "/v25.0/" + acme.business.id() + "/business_users",
                form("email", AcmeAds.OWNER, "role", "EMPLOYEE", "access_token", acme.token));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("code").asInt()).isEqualTo(100);
        assertThat(acme.mailbox.mails()).isEmpty();
    }

    private String invite(String email, String role) {
        GraphClient.Answer answer = acme.graph.post(
                "/v25.0/" + acme.business.id() + "/business_users",
                form("email", email, "role", role, "access_token", acme.token));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("id").asString();
    }
}
