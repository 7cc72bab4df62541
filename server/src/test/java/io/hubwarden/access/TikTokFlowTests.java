package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hubwarden.TestMailbox;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.HubKind;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubHealth;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestTikTokSimulator;
import io.hubwarden.simulator.tiktok.AssetType;
import io.hubwarden.simulator.tiktok.BcAsset;
import io.hubwarden.simulator.tiktok.BcMember;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same flow for a TikTok Business Center, through the real TikTok simulator and mailbox: connect by authorizing
 * the app as a Business Center Admin, sync, share a Standard seat with a role on an ad account, the hub's invitation,
 * acceptance, profile connection and the connected card; and the refusals of profiles that are not members.
 */
@HubTest
class TikTokFlowTests {

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

    final TikTokSimulator tiktok = TestTikTokSimulator.get();

    HubFixtures fixtures;
    SignedInPerson owner;
    HubFixtures.TikTokCenter center;
    BcAsset ads;
    HubView hub;

    @BeforeEach
    void aBusinessCenterConnectedByItsAdmin() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        center = fixtures.aTikTokBusinessCenterRunBy(owner);
        ads = tiktok.seedAsset(center.id(), AssetType.ADVERTISER, "Acme Ads EU");
        var code = tiktok.authorizationCode(owner.email(), TestTikTokSimulator.APP_ID, hubs.serviceRedirectUri());
        hub = hubs.connectWithCode(owner, HubFixtures.connectionTo(center), code);
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        await().atMost(PATIENCE)
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
    }

    @Test
    void theBusinessCenterIsConnectedByAuthorizingTheAppAsItsAdmin() {
        assertThat(hubs.connectableKinds()).contains(HubKind.TIKTOK_BUSINESS_CENTER);
        assertThat(hubs.settingsOf(HubKind.TIKTOK_BUSINESS_CENTER))
                .extracting(spec -> spec.name())
                .containsExactly("bc_id");
        assertThat(hub.health()).isEqualTo(HubHealth.HEALTHY);
        assertThat(hubs.check(HubFixtures.connectionTo(center), center.token()).business())
                .isEqualTo(new BusinessInfo(center.id(), center.center().name()));
        assertThat(hubs.authorizeUrl(owner, HubFixtures.connectionTo(center), "state-7")
                        .toString())
                .startsWith(tiktok.baseUrl() + "/portal/auth?")
                .contains("app_id=" + TestTikTokSimulator.APP_ID, "state=state-7");
        assertThat(hubs.assets(hub.id())).extracting(asset -> asset.name()).containsExactly("Acme Ads EU");
        assertThat(access.membership(owner.workspaceId(), hub.id(), owner.personId()))
                .map(MembershipView::status)
                .contains(MembershipStatus.JOINED);
    }

    @Test
    void aStandardSeatWithAnAdvertiserRoleIsInvitedJoinedAndConnected() {
        var colleague = fixtures.anInvitedPerson(owner, "bo", WorkspaceRole.USER);

        access.share(owner, hub.id(), standardSeat(colleague, "ANALYST"));

        awaitStatus(colleague, MembershipStatus.INVITED);
        assertThat(rowOf(colleague)).satisfies(row -> {
            assertThat(row.relationStatus()).isEqualTo(BcMember.RelationStatus.PENDING);
            assertThat(row.userRole()).isEqualTo("STANDARD");
        });
        await().atMost(PATIENCE)
                .until(() -> TestMailbox.get().mailsTo(colleague.email()).stream()
                        .anyMatch(mail -> mail.text().contains("/bc/invitation/?token=")));
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .extracting(TenantCard::state)
                .isEqualTo(CardState.CONNECT_YOUR_ACCOUNT);

        var account = tiktok.seedAccount(colleague.email(), "Bo Berg", "pw");
        tiktok.acceptInvitation(center.id(), colleague.email());
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(tiktok.assignments(ads.assetId()))
                        .containsEntry(account.coreUserId(), List.of("ANALYST")));
        awaitStatus(colleague, MembershipStatus.JOINED);
        var code = tiktok.authorizationCode(colleague.email(), TestTikTokSimulator.APP_ID, profiles.redirectUri());

        var outcome = profiles.connect(colleague, hub.id(), code);

        assertThat(outcome).isEqualTo(ProfileConnection.CONNECTED);
        assertThat(access.membership(colleague.workspaceId(), hub.id(), colleague.personId()))
                .hasValueSatisfying(
                        membership -> assertThat(membership.hubUserId()).isEqualTo(account.coreUserId()));
        assertThat(access.cardsOf(colleague.workspaceId(), colleague.personId()))
                .singleElement()
                .extracting(TenantCard::state)
                .isEqualTo(CardState.CONNECTED);
    }

    @Test
    void aProfileThatHasNotAcceptedIsToldToAcceptFirst() {
        var colleague = fixtures.anInvitedPerson(owner, "cy", WorkspaceRole.USER);
        access.share(owner, hub.id(), standardSeat(colleague, "OPERATOR"));
        awaitStatus(colleague, MembershipStatus.INVITED);
        tiktok.seedAccount(colleague.email(), "Cy", "pw");
        var code = tiktok.authorizationCode(colleague.email(), TestTikTokSimulator.APP_ID, profiles.redirectUri());

        var outcome = profiles.connect(colleague, hub.id(), code);

        assertThat(outcome).isEqualTo(ProfileConnection.INVITATION_NOT_ACCEPTED);
        assertThat(access.membership(colleague.workspaceId(), hub.id(), colleague.personId()))
                .map(MembershipView::status)
                .contains(MembershipStatus.INVITED);
    }

    @Test
    void anotherAccountsProfileIsNotAMember() {
        var colleague = fixtures.anInvitedPerson(owner, "di", WorkspaceRole.USER);
        access.share(owner, hub.id(), standardSeat(colleague, "ANALYST"));
        awaitStatus(colleague, MembershipStatus.INVITED);
        var stranger =
                fixtures.anInvitedPerson(owner, "stranger", WorkspaceRole.USER).email();
        tiktok.seedAccount(stranger, "Sam Stranger", "pw");
        var code = tiktok.authorizationCode(stranger, TestTikTokSimulator.APP_ID, profiles.redirectUri());

        var outcome = profiles.connect(colleague, hub.id(), code);

        assertThat(outcome).isNotEqualTo(ProfileConnection.CONNECTED);
        assertThat(access.membership(colleague.workspaceId(), hub.id(), colleague.personId()))
                .map(MembershipView::status)
                .contains(MembershipStatus.INVITED);
    }

    private ShareRequest standardSeat(SignedInPerson person, String advertiserRole) {
        return new ShareRequest(
                List.of(person.email()),
                AccessRole.COLLABORATOR,
                "STANDARD",
                List.of(new AssetEntitlement(AssetKind.AD_ACCOUNT, ads.assetId(), Set.of(advertiserRole))),
                true,
                false);
    }

    private BcMember rowOf(SignedInPerson person) {
        return tiktok.members(center.id()).stream()
                .filter(row -> row.email().equalsIgnoreCase(person.email()))
                .findFirst()
                .orElseThrow();
    }

    private MembershipView awaitStatus(SignedInPerson person, MembershipStatus status) {
        return await().atMost(PATIENCE)
                .until(
                        () -> access.membership(person.workspaceId(), hub.id(), person.personId())
                                .orElse(null),
                        membership -> membership != null && membership.status() == status);
    }
}
