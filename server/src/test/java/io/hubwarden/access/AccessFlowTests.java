package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hubwarden.TestClock;
import io.hubwarden.TestMailbox;
import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.meta.AssetType;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The flow of a share through the real Meta simulator and mailbox over loopback: share, invitation job, the hub's
 * invitation, the "shared with you" mail, acceptance, sync, profile connection and the connected card; and the
 * refusals along the way.
 */
@HubTest
class AccessFlowTests {

    static final Duration PATIENCE = SharedMetaHub.PATIENCE;

    @Autowired
    AccessShares access;

    @Autowired
    ProfileConnections profiles;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    final MetaSimulator meta = TestMetaSimulator.get();

    SharedMetaHub scenario;
    HubFixtures fixtures;
    SignedInPerson owner;
    HubFixtures.MetaBusiness business;
    HubView hub;

    @BeforeEach
    void aConnectedHub() {
        scenario = SharedMetaHub.connect(access, workspaces, hubs, jobs);
        fixtures = scenario.fixtures;
        owner = scenario.owner;
        business = scenario.business;
        hub = scenario.hub;
    }

    @Test
    void sharingWithSeveralPeopleAtOnceInvitesEachOfThemOnceAndSharingAgainInvitesNobodyMore() {
        var bo = scenario.colleague("bo");
        var cy = scenario.colleague("cy");
        var request = new ShareRequest(
                List.of(bo.email(), cy.email(), bo.email().toUpperCase(java.util.Locale.ROOT)),
                AccessRole.COLLABORATOR,
                "EMPLOYEE",
                List.of(),
                true,
                false);

        var shared = access.share(owner, hub.id(), request);

        assertThat(shared)
                .extracting(MembershipView::personId)
                .containsExactly(bo.personId(), cy.personId(), bo.personId());
        assertThat(shared).extracting(MembershipView::status).containsOnly(MembershipStatus.INVITING);
        assertThat(shared.get(2).id()).isEqualTo(shared.get(0).id());
        scenario.awaitStatus(bo, MembershipStatus.INVITED);
        scenario.awaitStatus(cy, MembershipStatus.INVITED);

        var again = access.share(owner, hub.id(), request);

        assertThat(again)
                .extracting(MembershipView::id)
                .containsExactlyElementsOf(
                        shared.stream().map(MembershipView::id).toList());
        assertThat(again).extracting(MembershipView::status).containsOnly(MembershipStatus.INVITED);
        assertThat(invitationJobsOf(shared.get(0).id())).isEqualTo(1);
        assertThat(invitationJobsOf(shared.get(1).id())).isEqualTo(1);
        assertThat(scenario.pendingFor(bo)).hasSize(1);
        assertThat(scenario.pendingFor(cy)).hasSize(1);
    }

    private long invitationJobsOf(MembershipId membership) {
        return jdbc.sql("select count(*) from job where type = 'INVITE_USER' and subject = ?")
                .param(membership.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void theConnectingPersonOwnsTheHubWithoutAnInvitation() {
        var role = access.roleOn(hub.id(), owner.personId()).orElseThrow();

        assertThat(role.role()).isEqualTo(AccessRole.OWNER);
        assertThat(role.mayShare()).isTrue();
        assertThat(access.membership(owner.workspaceId(), hub.id(), owner.personId()))
                .map(MembershipView::status)
                .contains(MembershipStatus.JOINED);
    }

    @Test
    void theSharedWithYouMailGreetsThePersonAndNamesTheSharerTheHubAndItsBusiness() {
        var colleague = scenario.colleague("di");
        var sharer = workspaces.person(owner.workspaceId(), owner.personId()).orElseThrow();
        var person =
                workspaces.person(colleague.workspaceId(), colleague.personId()).orElseThrow();

        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));

        var mail = await().atMost(PATIENCE)
                .until(
                        () -> TestMailbox.get().mailsTo(colleague.email()).stream()
                                .filter(received -> received.subject().contains(" shared "))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(mail.subject()).isEqualTo(sharer.name() + " shared " + hub.label() + " with you on Hubwarden");
        assertThat(mail.text())
                .startsWith("Hello " + person.name() + ",")
                .contains(sharer.name() + " shared the hub " + hub.label() + " (" + hub.businessName()
                        + ") with you on Hubwarden.")
                .contains("accept it, then open your dashboard")
                .contains("/cards");
    }

    @Test
    void aShareInvitesThePersonIntoTheHubAndTheirCardSaysConnectYourAccountUntilTheyConnect() {
        var colleague = scenario.colleague("bo");
        var ads = meta.seedAsset(business.id(), AssetType.AD_ACCOUNT, "Main ads");

        var shared = access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));

        assertThat(shared).singleElement().extracting(MembershipView::status).isEqualTo(MembershipStatus.INVITING);
        var invited = scenario.awaitStatus(colleague, MembershipStatus.INVITED);
        assertThat(scenario.pendingFor(colleague)).singleElement().satisfies(request -> {
            assertThat(request.role()).isEqualTo("EMPLOYEE");
            assertThat(invited.note()).isNull();
            assertThat(jdbc.sql("select hub_invitation_id from membership where person_id = ?")
                            .param(colleague.personId().value())
                            .query(String.class)
                            .single())
                    .isEqualTo(request.id());
        });
        assertThat(jdbc.sql("select detail from audit_event where action = 'MEMBERSHIP_INVITED' and person_id = ?")
                        .param(colleague.personId().value())
                        .query(String.class)
                        .list())
                .containsExactly("Membership moved from INVITING to INVITED");
        await().atMost(PATIENCE)
                .until(() -> TestMailbox.get().mailsTo(colleague.email()).stream()
                        .anyMatch(mail -> mail.subject().contains("shared " + hub.label())
                                && mail.text().contains("/cards")));
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .satisfies(card -> {
                    assertThat(card.state()).isEqualTo(CardState.CONNECT_YOUR_ACCOUNT);
                    assertThat(card.connectable()).isTrue();
                    assertThat(card.businessId()).isEqualTo(business.id());
                });

        var member = meta.acceptInvitation(scenario.pendingFor(colleague).get(0).id(), colleague.email());
        meta.assign(ads.id(), member.id(), List.of("ADVERTISE", "ANALYZE"));
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());

        var code = meta.authorizationCode(
                colleague.email(), TestMetaSimulator.APP_ID, profiles.redirectUri(), Set.of("business_management"));
        var outcome = profiles.connect(colleague, hub.id(), code);

        assertThat(outcome).isEqualTo(ProfileConnection.CONNECTED);
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .satisfies(card -> {
                    assertThat(card.state()).isEqualTo(CardState.CONNECTED);
                    assertThat(card.assets()).singleElement().satisfies(asset -> {
                        assertThat(asset.name()).isEqualTo("Main ads");
                        assertThat(asset.tasks()).containsExactly("ADVERTISE", "ANALYZE");
                    });
                });
        var hubUserId = access.membership(colleague.workspaceId(), hub.id(), colleague.personId())
                .orElseThrow()
                .hubUserId();
        assertThat(hubUserId).isEqualTo(member.id());
        var sealed = jdbc.sql("select sealed_token, hub_user_id from connected_profile where person_id = ?")
                .param(colleague.personId().value())
                .query((row, number) -> row.getString("sealed_token") + "|" + row.getString("hub_user_id"))
                .single();
        assertThat(sealed).endsWith("|" + member.id()).doesNotStartWith("EAA");
    }

    @Test
    void aPersonTheHubHasAlreadyIsNotInvitedAgain() {
        var colleague = scenario.colleague("cy");
        meta.addBusinessUser(business.id(), colleague.email(), "EMPLOYEE");
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());

        var shared = access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));

        assertThat(shared).singleElement().extracting(MembershipView::status).isEqualTo(MembershipStatus.JOINED);
        assertThat(scenario.pendingFor(colleague)).isEmpty();
    }

    @Test
    void sharingWithSeveralPeopleAtOnceJoinsThoseTheHubHasAlreadyAndInvitesTheOthers() {
        var cy = scenario.colleague("cy");
        var di = scenario.colleague("di");
        var ed = scenario.colleague("ed");
        meta.addBusinessUser(business.id(), cy.email(), "EMPLOYEE");
        meta.addBusinessUser(business.id(), ed.email(), "EMPLOYEE");
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());

        var shared = access.share(
                owner,
                hub.id(),
                new ShareRequest(
                        List.of(cy.email(), di.email(), ed.email()),
                        AccessRole.COLLABORATOR,
                        "EMPLOYEE",
                        List.of(),
                        true,
                        false));

        assertThat(shared)
                .extracting(MembershipView::status)
                .containsExactly(MembershipStatus.JOINED, MembershipStatus.INVITING, MembershipStatus.JOINED);
        assertThat(auditedFor(cy)).containsExactly("ACCESS_SHARED", "MEMBERSHIP_JOINED");
        assertThat(auditedFor(di)).containsExactly("ACCESS_SHARED", "MEMBERSHIP_INVITING");
        assertThat(auditedFor(ed)).containsExactly("ACCESS_SHARED", "MEMBERSHIP_JOINED");
        scenario.awaitStatus(di, MembershipStatus.INVITED);
        assertThat(scenario.pendingFor(cy)).isEmpty();
        assertThat(scenario.pendingFor(di)).hasSize(1);
        assertThat(scenario.pendingFor(ed)).isEmpty();
    }

    /** The audit trail's actions about the person in the hub, by action. */
    private List<String> auditedFor(SignedInPerson person) {
        return jdbc.sql("select action from audit_event where hub_id = ? and person_id = ? order by action")
                .param(hub.id().value())
                .param(person.personId().value())
                .query(String.class)
                .list();
    }

    @Test
    void aHubFailingTheInvitationIsRetriedAndTheCardSaysSoMeanwhileAndTheInvitationIsSentOnce() {
        var colleague = scenario.colleague("di");
        meta.injectFault("POST", "/*/business_users", Fault.serverError(503), 1);

        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                        .singleElement()
                        .satisfies(card -> {
                            assertThat(card.state()).isEqualTo(CardState.ACTION_NEEDED);
                            assertThat(card.note())
                                    .extracting(MembershipNote::code)
                                    .isEqualTo(MembershipNote.HUB_BUSY);
                        }));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            clock.advance(Duration.ofMinutes(20));
            return access.membership(colleague.workspaceId(), hub.id(), colleague.personId())
                    .map(MembershipView::status)
                    .filter(MembershipStatus.INVITED::equals)
                    .isPresent();
        });
        assertThat(scenario.pendingFor(colleague)).hasSize(1);
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .extracting(TenantCard::state)
                .isEqualTo(CardState.CONNECT_YOUR_ACCOUNT);
    }

    @Test
    void retryingAFailedInvitationJobInvitesThePersonAfterAll() {
        var colleague = scenario.colleague("fi");
        meta.injectFault("POST", "/*/business_users", Fault.serverError(400, 200), 1);
        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));
        var membership = scenario.awaitStatus(colleague, MembershipStatus.INVITE_FAILED);
        var failed = jobs.jobsOf(owner.workspaceId(), hub.id().value(), PageRequest.of(0, 50)).stream()
                .filter(job -> job.type().equals(AccessShares.INVITE_USER)
                        && job.subject()
                                .filter(membership.id().toString()::equals)
                                .isPresent())
                .findFirst()
                .orElseThrow();

        jobs.retry(owner.workspaceId(), failed.id());

        scenario.awaitStatus(colleague, MembershipStatus.INVITED);
        assertThat(scenario.pendingFor(colleague)).hasSize(1);
    }

    @Test
    void aThrottlingHubDelaysTheInvitationWithoutLosingIt() {
        var colleague = scenario.colleague("ed");
        meta.injectFault("POST", "/*/business_users", Fault.rateLimited(Duration.ofMinutes(5)), 1);

        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(access.membership(colleague.workspaceId(), hub.id(), colleague.personId()))
                                .hasValueSatisfying(membership ->
                                        assertThat(membership.note()).isNotNull()));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            clock.advance(Duration.ofMinutes(30));
            return access.membership(colleague.workspaceId(), hub.id(), colleague.personId())
                    .map(MembershipView::status)
                    .filter(MembershipStatus.INVITED::equals)
                    .isPresent();
        });
        assertThat(scenario.pendingFor(colleague)).hasSize(1);
    }

    @Test
    void aCollaboratorMayNotShare() {
        var colleague = scenario.colleague("fa");
        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));
        var other = scenario.colleague("gu");

        assertThatThrownBy(() -> access.share(colleague, hub.id(), SharedMetaHub.seat(other, "EMPLOYEE")))
                .isInstanceOf(SharingDenied.class);
        assertThat(access.membership(other.workspaceId(), hub.id(), other.personId()))
                .isEmpty();
    }

    @Test
    void sharingWithAnUnknownAddressSavesNothing() {
        var colleague = scenario.colleague("ha");
        var request = new ShareRequest(
                List.of(colleague.email(), "nobody-here@example.com"),
                AccessRole.COLLABORATOR,
                "EMPLOYEE",
                List.of(),
                true,
                false);

        assertThatThrownBy(() -> access.share(owner, hub.id(), request))
                .isInstanceOfSatisfying(
                        PeopleUnknown.class,
                        unknown -> assertThat(unknown.emails()).containsExactly("nobody-here@example.com"));
        assertThat(access.membership(colleague.workspaceId(), hub.id(), colleague.personId()))
                .isEmpty();
        assertThat(access.roleOn(hub.id(), colleague.personId())).isEmpty();
    }

    @Test
    void aPersonOfAnotherWorkspaceSeesNeitherTheCardNorTheMembership() {
        var colleague = scenario.colleague("io");
        var shared = access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"))
                .get(0);
        var stranger = fixtures.aWorkspaceOwner();

        assertThat(access.cardsOf(stranger.workspaceId(), colleague.personId())).isEmpty();
        assertThat(access.membership(stranger.workspaceId(), shared.id())).isEmpty();
        assertThat(access.membershipsOf(stranger.workspaceId(), hub.id())).isEmpty();
        assertThatThrownBy(() -> access.share(stranger, hub.id(), SharedMetaHub.seat(stranger, "EMPLOYEE")))
                .isInstanceOf(HubNotShared.class);
    }

    @Test
    void aProfileThatIsNotAMemberOfTheBusinessDoesNotConnect() {
        var colleague = scenario.colleague("ju");
        meta.addBusinessUser(business.id(), colleague.email(), "EMPLOYEE");
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));
        var stranger = "stranger-" + colleague.email();
        meta.seedPerson(stranger, "Stranger", "pw");
        var code = meta.authorizationCode(
                stranger, TestMetaSimulator.APP_ID, profiles.redirectUri(), Set.of("business_management"));

        var outcome = profiles.connect(colleague, hub.id(), code);

        assertThat(outcome).isEqualTo(ProfileConnection.NOT_A_MEMBER);
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .satisfies(card -> {
                    assertThat(card.status()).isEqualTo(MembershipStatus.JOINED);
                    assertThat(card.state()).isEqualTo(CardState.ACTION_NEEDED);
                });
    }

    @Test
    void aProfileThatHasNotAcceptedTheInvitationIsToldToAcceptItFirst() {
        var colleague = scenario.colleague("ka");
        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE"));
        scenario.awaitStatus(colleague, MembershipStatus.INVITED);
        var code = meta.authorizationCode(
                colleague.email(), TestMetaSimulator.APP_ID, profiles.redirectUri(), Set.of("business_management"));

        var outcome = profiles.connect(colleague, hub.id(), code);

        assertThat(outcome).isEqualTo(ProfileConnection.INVITATION_NOT_ACCEPTED);
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .satisfies(card -> {
                    assertThat(card.state()).isEqualTo(CardState.CONNECT_YOUR_ACCOUNT);
                    assertThat(card.note()).extracting(MembershipNote::code).isEqualTo(MembershipNote.PROFILE_PENDING);
                });
    }
}
