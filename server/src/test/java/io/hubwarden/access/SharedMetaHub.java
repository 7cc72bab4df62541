package io.hubwarden.access;

import static org.awaitility.Awaitility.await;

import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.simulator.meta.RoleRequest;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;

/**
 * A Meta hub that a new workspace's Owner connected and synced through the real simulator, and the steps the access
 * tests take with it: colleagues who have a Facebook profile, their invitations in the hub, their membership's status.
 */
final class SharedMetaHub {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    final MetaSimulator meta = TestMetaSimulator.get();
    final HubFixtures fixtures;
    final SignedInPerson owner;
    final HubFixtures.MetaBusiness business;
    final HubView hub;
    private final AccessShares access;

    private SharedMetaHub(AccessShares access, Workspaces workspaces, Hubs hubs, Jobs jobs) {
        this.access = access;
        this.fixtures = new HubFixtures(workspaces, hubs, jobs);
        this.owner = fixtures.aWorkspaceOwner();
        this.business = fixtures.aMetaBusinessRunBy(owner);
        this.hub = fixtures.aSyncedHub(owner, business);
    }

    /** Connects and syncs a new hub, and waits until its Owner holds it. */
    static SharedMetaHub connect(AccessShares access, Workspaces workspaces, Hubs hubs, Jobs jobs) {
        var scenario = new SharedMetaHub(access, workspaces, hubs, jobs);
        await().atMost(PATIENCE)
                .until(() -> access.roleOn(scenario.hub.id(), scenario.owner.personId())
                        .isPresent());
        return scenario;
    }

    /** A person of the workspace who also has a Facebook profile with the same e-mail. */
    SignedInPerson colleague(String who) {
        var person = fixtures.anInvitedPerson(owner, who, WorkspaceRole.USER);
        meta.seedPerson(person.email(), who, "pw");
        return person;
    }

    /** A share that invites the person into the hub with the role and tasks. */
    static ShareRequest seat(SignedInPerson person, String hubRole, List<AssetEntitlement> assets) {
        return new ShareRequest(List.of(person.email()), AccessRole.COLLABORATOR, hubRole, assets, true, false);
    }

    static ShareRequest seat(SignedInPerson person, String hubRole) {
        return seat(person, hubRole, List.of());
    }

    /** The hub's pending invitations for the person. */
    List<RoleRequest> pendingFor(SignedInPerson person) {
        return meta.pendingRequests(business.id()).stream()
                .filter(request -> request.email().equalsIgnoreCase(person.email()))
                .toList();
    }

    /** Waits until the person's membership of the hub reaches the status. */
    MembershipView awaitStatus(SignedInPerson person, MembershipStatus status) {
        return await().atMost(PATIENCE)
                .until(
                        () -> access.membership(person.workspaceId(), hub.id(), person.personId())
                                .orElse(null),
                        membership -> membership != null && membership.status() == status);
    }
}
