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
import io.hubwarden.simulator.meta.RoleRequest;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The flow of a share through the real Meta simulator and mailbox over loopback: share, invitation job, the hub's
 * invitation, the "shared with you" mail, acceptance, sync, profile connection and the connected card; and the
 * refusals along the way.
 */
@HubTest
class AccessFlowTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

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

    HubFixtures fixtures;
    SignedInPerson owner;
    HubFixtures.MetaBusiness business;
    HubView hub;

    @BeforeEach
    void aConnectedHub() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
        hub = fixtures.aSyncedHub(owner, business);
        await().atMost(PATIENCE)
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
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
    void aShareInvitesThePersonIntoTheHubAndTheirCardSaysConnectYourAccountUntilTheyConnect() {
        var colleague = colleague("bo");
        var ads = meta.seedAsset(business.id(), AssetType.AD_ACCOUNT, "Main ads");

        var shared = access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));

        assertThat(shared).singleElement().extracting(MembershipView::status).isEqualTo(MembershipStatus.INVITING);
        var invited = awaitStatus(colleague, MembershipStatus.INVITED);
        assertThat(pendingFor(colleague)).singleElement().satisfies(request -> {
            assertThat(request.role()).isEqualTo("EMPLOYEE");
            assertThat(invited.note()).isNull();
        });
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

        var member = meta.acceptInvitation(pendingFor(colleague).get(0).id(), colleague.email());
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
        var colleague = colleague("cy");
        meta.addBusinessUser(business.id(), colleague.email(), "EMPLOYEE");
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());

        var shared = access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));

        assertThat(shared).singleElement().extracting(MembershipView::status).isEqualTo(MembershipStatus.JOINED);
        assertThat(pendingFor(colleague)).isEmpty();
    }

    @Test
    void aHubFailingTheInvitationIsRetriedAndTheCardSaysSoMeanwhileAndTheInvitationIsSentOnce() {
        var colleague = colleague("di");
        meta.injectFault("POST", "/*/business_users", Fault.serverError(503), 1);

        access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));

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
        assertThat(pendingFor(colleague)).hasSize(1);
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .extracting(TenantCard::state)
                .isEqualTo(CardState.CONNECT_YOUR_ACCOUNT);
    }

    @Test
    void aThrottlingHubDelaysTheInvitationWithoutLosingIt() {
        var colleague = colleague("ed");
        meta.injectFault("POST", "/*/business_users", Fault.rateLimited(Duration.ofMinutes(5)), 1);

        access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));

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
        assertThat(pendingFor(colleague)).hasSize(1);
    }

    @Test
    void aCollaboratorMayNotShare() {
        var colleague = colleague("fa");
        access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));
        var other = colleague("gu");

        assertThatThrownBy(() -> access.share(colleague, hub.id(), seat(other, "EMPLOYEE")))
                .isInstanceOf(SharingDenied.class);
        assertThat(access.membership(other.workspaceId(), hub.id(), other.personId()))
                .isEmpty();
    }

    @Test
    void sharingWithAnUnknownAddressSavesNothing() {
        var colleague = colleague("ha");
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
        var colleague = colleague("io");
        var shared = access.share(owner, hub.id(), seat(colleague, "EMPLOYEE")).get(0);
        var stranger = fixtures.aWorkspaceOwner();

        assertThat(access.cardsOf(stranger.workspaceId(), colleague.personId())).isEmpty();
        assertThat(access.membership(stranger.workspaceId(), shared.id())).isEmpty();
        assertThat(access.membershipsOf(stranger.workspaceId(), hub.id())).isEmpty();
        assertThatThrownBy(() -> access.share(stranger, hub.id(), seat(stranger, "EMPLOYEE")))
                .isInstanceOf(HubNotShared.class);
    }

    @Test
    void aProfileThatIsNotAMemberOfTheBusinessDoesNotConnect() {
        var colleague = colleague("ju");
        meta.addBusinessUser(business.id(), colleague.email(), "EMPLOYEE");
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));
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
        var colleague = colleague("ka");
        access.share(owner, hub.id(), seat(colleague, "EMPLOYEE"));
        awaitStatus(colleague, MembershipStatus.INVITED);
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

    private SignedInPerson colleague(String who) {
        var person = fixtures.anInvitedPerson(owner, who, WorkspaceRole.USER);
        meta.seedPerson(person.email(), who, "pw");
        return person;
    }

    private static ShareRequest seat(SignedInPerson person, String hubRole) {
        return new ShareRequest(List.of(person.email()), AccessRole.COLLABORATOR, hubRole, List.of(), true, false);
    }

    private List<RoleRequest> pendingFor(SignedInPerson person) {
        return meta.pendingRequests(business.id()).stream()
                .filter(request -> request.email().equalsIgnoreCase(person.email()))
                .toList();
    }

    private MembershipView awaitStatus(SignedInPerson person, MembershipStatus status) {
        return await().atMost(PATIENCE)
                .until(
                        () -> access.membership(person.workspaceId(), hub.id(), person.personId())
                                .orElse(null),
                        membership -> membership != null && membership.status() == status);
    }
}
