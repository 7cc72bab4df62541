package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.Unique;
import io.hubwarden.automation.JobStatus;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.hub.HubFixtures.MetaBusiness;
import io.hubwarden.simulator.meta.BusinessUser;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@HubTest
class UnmatchedAccountsTests {

    @Autowired
    Hubs hubs;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Jobs jobs;

    final MetaSimulator meta = TestMetaSimulator.get();
    HubFixtures fixtures;
    SignedInPerson owner;
    MetaBusiness business;
    String strangerEmail;
    HubView hub;

    @BeforeEach
    void aSyncedHubWithAStranger() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
        strangerEmail = Unique.email("stranger");
        meta.seedPerson(strangerEmail, "Sam Stranger", "pw");
        meta.addBusinessUser(business.id(), strangerEmail, "EMPLOYEE");
        hub = fixtures.aSyncedHub(owner, business);
    }

    @Test
    void matchingByHandSurvivesTheNextSync() {
        var colleague = fixtures.anInvitedPerson(owner, "sam", WorkspaceRole.USER);
        var stranger = hubs.account(hub.id(), strangerEmail).orElseThrow();

        var matched = hubs.match(owner, hub.id(), stranger.id(), colleague.personId());
        fixtures.awaitJob(owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());

        assertThat(matched.matchedByHand()).isTrue();
        assertThat(hubs.account(hub.id(), strangerEmail).orElseThrow().personId())
                .isEqualTo(colleague.personId());
        assertThat(hubs.unmatched(owner.workspaceId(), hub.id())).isEmpty();
    }

    @Test
    void exemptingKeepsTheAccountWithItsReason() {
        var stranger = hubs.account(hub.id(), strangerEmail).orElseThrow();

        hubs.exempt(owner, hub.id(), stranger.id(), "Agency partner, managed by them");

        assertThat(hubs.unmatched(owner.workspaceId(), hub.id()))
                .singleElement()
                .satisfies(account -> {
                    assertThat(account.exempted()).isTrue();
                    assertThat(account.exemptReason()).isEqualTo("Agency partner, managed by them");
                });
    }

    @Test
    void removingTakesTheMemberOutOfTheBusiness() {
        var stranger = hubs.account(hub.id(), strangerEmail).orElseThrow();

        var removal = fixtures.awaitJob(
                owner.workspaceId(), hubs.remove(owner, hub.id(), stranger.id()).id());

        assertThat(removal.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(meta.businessUsers(business.id()))
                .extracting(BusinessUser::email)
                .doesNotContain(strangerEmail);
        assertThat(hubs.account(hub.id(), strangerEmail)).isEmpty();
    }

    @Test
    void aMatchedAccountCannotBeRemovedAsUnmatched() {
        var ownAccount = hubs.account(hub.id(), owner.email()).orElseThrow();

        assertThatThrownBy(() -> hubs.remove(owner, hub.id(), ownAccount.id())).isInstanceOf(HubAccountUnknown.class);
        assertThat(meta.businessUsers(business.id()))
                .extracting(BusinessUser::email)
                .contains(owner.email());
    }

    @Test
    void anotherWorkspaceCannotActOnTheHubsAccounts() {
        var stranger = hubs.account(hub.id(), strangerEmail).orElseThrow();
        var outsider = fixtures.aWorkspaceOwner();

        assertThatThrownBy(() -> hubs.exempt(outsider, hub.id(), stranger.id(), "mine now"))
                .isInstanceOf(HubUnknown.class);
        assertThatThrownBy(() -> hubs.remove(outsider, hub.id(), stranger.id())).isInstanceOf(HubUnknown.class);
        assertThat(hubs.account(hub.id(), strangerEmail).orElseThrow().unmatched())
                .isTrue();
    }

    @Test
    void theSafeguardHaltsASyncThatWouldRemoveTooManyPeople() {
        var seats = List.of(Unique.email("a"), Unique.email("b"), Unique.email("c"));
        for (var email : seats) {
            meta.seedPerson(email, email, "pw");
            meta.addBusinessUser(business.id(), email, "EMPLOYEE");
        }
        fixtures.awaitJob(owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());
        for (var user : meta.businessUsers(business.id())) {
            if (seats.contains(user.email())) {
                hubs.call(hub.id(), (connector, credential) -> {
                    connector.remove(credential, new HubUserId(user.id()));
                    return Boolean.TRUE;
                });
            }
        }

        fixtures.awaitJob(owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());

        assertThat(hubs.hub(owner.workspaceId(), hub.id()).orElseThrow().health())
                .isEqualTo(HubHealth.SYNC_REQUIRED);
        var review = hubs.haltedSync(owner.workspaceId(), hub.id()).orElseThrow();
        assertThat(review.accounts().removed()).isEqualTo(3);
        assertThat(review.removedAccounts())
                .extracting(HubAccountView::email)
                .containsExactlyInAnyOrderElementsOf(seats);
        assertThat(hubs.accounts(hub.id())).hasSize(5);

        hubs.applyHaltedSync(owner, hub.id());

        assertThat(hubs.accounts(hub.id())).hasSize(2);
        assertThat(hubs.hub(owner.workspaceId(), hub.id()).orElseThrow().health())
                .isEqualTo(HubHealth.HEALTHY);
        assertThat(hubs.haltedSync(owner.workspaceId(), hub.id())).isEmpty();
    }

    @Test
    void aDiscardedSyncLeavesTheAccountsAsTheyWere() {
        var email = Unique.email("leaver");
        meta.seedPerson(email, "Lee Leaver", "pw");
        var seat = meta.addBusinessUser(business.id(), email, "EMPLOYEE");
        fixtures.awaitJob(owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());
        hubs.call(hub.id(), (connector, credential) -> {
            connector.remove(credential, new HubUserId(seat.id()));
            return Boolean.TRUE;
        });
        fixtures.awaitJob(owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());

        hubs.discardHaltedSync(owner, hub.id());

        assertThat(hubs.account(hub.id(), email)).isPresent();
        assertThat(hubs.hub(owner.workspaceId(), hub.id()).orElseThrow().health())
                .isEqualTo(HubHealth.HEALTHY);
    }
}
