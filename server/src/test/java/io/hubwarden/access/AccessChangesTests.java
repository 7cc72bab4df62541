package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hubwarden.TestClock;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.meta.Asset;
import io.hubwarden.simulator.meta.AssetType;
import io.hubwarden.simulator.meta.BusinessUser;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * What happens in the hub when access changes after the invitation, through the real Meta simulator: a changed hub
 * role, asset tasks that reach a person once they joined, and revoked access that takes the seat back; with the
 * refusals and a failing hub.
 */
@HubTest
class AccessChangesTests {

    static final Duration PATIENCE = SharedMetaHub.PATIENCE;

    @Autowired
    AccessShares access;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

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
    void aMembersNewHubRoleReachesTheHubAndTheMembershipSettlesWhereItWas() {
        var colleague = aJoinedColleague("ha", "EMPLOYEE");

        var changed = access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "ADMIN", List.of()));

        assertThat(changed).singleElement().extracting(MembershipView::status).isEqualTo(MembershipStatus.UPDATING);
        scenario.awaitStatus(colleague, MembershipStatus.JOINED);
        assertThat(memberOf(colleague).role()).isEqualTo("ADMIN");
    }

    @Test
    void sharedAssetTasksReachThePersonOnceTheyJoin() {
        var colleague = scenario.colleague("ia");
        var ads = meta.seedAsset(business.id(), AssetType.AD_ACCOUNT, "Spring ads");
        var tasks = new AssetEntitlement(AssetKind.AD_ACCOUNT, ads.id(), Set.of("ADVERTISE", "ANALYZE"));
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());

        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE", List.of(tasks)));
        scenario.awaitStatus(colleague, MembershipStatus.INVITED);
        var member = meta.acceptInvitation(scenario.pendingFor(colleague).get(0).id(), colleague.email());
        assertThat(tasksOn(ads, member)).isEmpty();
        hubs.requestSync(owner, hub.id());

        await().atMost(PATIENCE).until(() -> !tasksOn(ads, member).isEmpty());
        assertThat(tasksOn(ads, member)).containsExactlyInAnyOrder("ADVERTISE", "ANALYZE");
        scenario.awaitStatus(colleague, MembershipStatus.JOINED);
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        assertThat(jobs.jobsOf(owner.workspaceId(), hub.id().value(), PageRequest.of(0, 100)).stream()
                        .filter(job -> job.type().equals("UPDATE_MEMBER")))
                .as("a sync that finds the tasks in place asks nothing more of the hub")
                .hasSize(1);
    }

    @Test
    void revokingAMembersAccessRemovesThemFromTheBusiness() {
        var colleague = aJoinedColleague("ja", "EMPLOYEE");

        var revoked = access.revoke(owner, hub.id(), colleague.personId());

        assertThat(revoked.status()).isEqualTo(MembershipStatus.REMOVING);
        scenario.awaitStatus(colleague, MembershipStatus.REMOVED);
        assertThat(meta.businessUsers(business.id()))
                .noneMatch(user -> user.email().equalsIgnoreCase(colleague.email()));
        assertThat(access.roleOn(hub.id(), colleague.personId())).isEmpty();
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .extracting(TenantCard::state)
                .isEqualTo(CardState.ACCESS_REMOVED);
    }

    @Test
    void revokingAPendingInvitationWithdrawsItFromTheHub() {
        var colleague = scenario.colleague("ka");
        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, "EMPLOYEE", List.of()));
        scenario.awaitStatus(colleague, MembershipStatus.INVITED);

        access.revoke(owner, hub.id(), colleague.personId());

        scenario.awaitStatus(colleague, MembershipStatus.REMOVED);
        assertThat(scenario.pendingFor(colleague)).isEmpty();
    }

    @Test
    void aHubFailingTheRemovalIsRetriedUntilThePersonIsOut() {
        var colleague = aJoinedColleague("la", "EMPLOYEE");
        meta.injectFault("DELETE", "/*", Fault.serverError(503), 1);

        access.revoke(owner, hub.id(), colleague.personId());

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            clock.advance(Duration.ofMinutes(20));
            return access.membership(colleague.workspaceId(), hub.id(), colleague.personId())
                    .map(MembershipView::status)
                    .filter(MembershipStatus.REMOVED::equals)
                    .isPresent();
        });
        assertThat(meta.pendingFaults()).isEmpty();
        assertThat(meta.businessUsers(business.id()))
                .noneMatch(user -> user.email().equalsIgnoreCase(colleague.email()));
    }

    @Test
    void theHubsLastOwnerCannotBeRevoked() {
        assertThatThrownBy(() -> access.revoke(owner, hub.id(), owner.personId()))
                .isInstanceOf(SharingDenied.class)
                .hasMessageContaining("at least one Owner");
        assertThat(access.roleOn(hub.id(), owner.personId())).isPresent();
    }

    @Test
    void aCollaboratorMayNotRevoke() {
        var colleague = aJoinedColleague("ma", "EMPLOYEE");
        var other = aJoinedColleague("na", "EMPLOYEE");

        assertThatThrownBy(() -> access.revoke(colleague, hub.id(), other.personId()))
                .isInstanceOf(SharingDenied.class);
        assertThat(access.roleOn(hub.id(), other.personId())).isPresent();
    }

    @Test
    void anotherWorkspaceCannotRevoke() {
        var colleague = aJoinedColleague("oa", "EMPLOYEE");
        var stranger = new HubFixtures(workspaces, hubs, jobs).aWorkspaceOwner();

        assertThatThrownBy(() -> access.revoke(stranger, hub.id(), colleague.personId()))
                .isInstanceOf(HubNotShared.class);
        assertThat(access.roleOn(hub.id(), colleague.personId())).isPresent();
    }

    private SignedInPerson aJoinedColleague(String who, String hubRole) {
        var colleague = scenario.colleague(who);
        access.share(owner, hub.id(), SharedMetaHub.seat(colleague, hubRole, List.of()));
        scenario.awaitStatus(colleague, MembershipStatus.INVITED);
        meta.acceptInvitation(scenario.pendingFor(colleague).get(0).id(), colleague.email());
        hubs.requestSync(owner, hub.id());
        scenario.awaitStatus(colleague, MembershipStatus.JOINED);
        return colleague;
    }

    private BusinessUser memberOf(SignedInPerson person) {
        return meta.businessUsers(business.id()).stream()
                .filter(user -> user.email().equalsIgnoreCase(person.email()))
                .findFirst()
                .orElseThrow();
    }

    private List<String> tasksOn(Asset asset, BusinessUser member) {
        return meta.assignments(asset.id()).stream()
                .filter(assignment -> assignment.userId().equals(member.id()))
                .flatMap(assignment -> assignment.tasks().stream())
                .toList();
    }
}
