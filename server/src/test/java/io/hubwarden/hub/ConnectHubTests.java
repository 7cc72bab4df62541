package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.hub.ConnectionCheck.Outcome;
import io.hubwarden.hub.HubFixtures.MetaBusiness;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@HubTest
class ConnectHubTests {

    @Autowired
    Hubs hubs;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    final MetaSimulator meta = TestMetaSimulator.get();
    HubFixtures fixtures;
    SignedInPerson owner;
    MetaBusiness business;

    @BeforeEach
    void aWorkspaceAndABusiness() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
    }

    @Test
    void connectingByTokenMakesTheConnectingPersonTheOwnerOfAHealthyHub() {
        var hub = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());

        assertThat(hub.health()).isEqualTo(HubHealth.HEALTHY);
        assertThat(hub.ownerPersonId()).isEqualTo(owner.personId());
        assertThat(hub.businessId()).isEqualTo(business.id());
        assertThat(hub.businessName()).isEqualTo(business.business().name());
        assertThat(hubs.hubsOf(owner.workspaceId())).extracting(HubView::id).containsExactly(hub.id());
    }

    @Test
    void theListOfHubsShowsEachHubAsItsOwnViewDoesInLabelOrder() {
        var connected = twoHubsSynced();

        var listed = hubs.hubsOf(owner.workspaceId());

        assertThat(listed)
                .containsExactlyInAnyOrder(
                        hubs.hub(owner.workspaceId(), connected.get(0).id()).orElseThrow(),
                        hubs.hub(owner.workspaceId(), connected.get(1).id()).orElseThrow())
                .isSortedAccordingTo(java.util.Comparator.comparing(HubView::label))
                .allSatisfy(view -> {
                    assertThat(view.lastSyncAt()).isNotNull();
                    assertThat(view.consoleUrl()).asString().contains(view.businessId());
                });
    }

    @Test
    void theCardsSummaryOfEachHubSaysWhatItsViewDoesWithTheViewsVersion() {
        twoHubsSynced();

        var summaries = hubs.summariesOf(owner.workspaceId());

        assertThat(summaries.hubs())
                .containsExactlyElementsOf(hubs.hubsOf(owner.workspaceId()).stream()
                        .map(view -> new HubSummary(
                                view.id(),
                                view.kind(),
                                view.label(),
                                view.businessId(),
                                view.businessName(),
                                view.consoleUrl()))
                        .toList())
                .hasSize(2)
                .allSatisfy(summary -> assertThat(summary.consoleUrl()).isNotNull());
        assertThat(summaries.version()).isEqualTo(hubs.viewsVersion(owner.workspaceId()));
    }

    @Test
    void aWorkspaceWithoutHubsHasNoSummariesAndTheViewsVersion() {
        var summaries = hubs.summariesOf(owner.workspaceId());

        assertThat(summaries.hubs()).isEmpty();
        assertThat(summaries.version()).isEqualTo(hubs.viewsVersion(owner.workspaceId()));
    }

    @Test
    void theTokenIsSealedAtRest() {
        var hub = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());

        var stored = jdbc.queryForObject(
                "select credential from hub where id = ?",
                String.class,
                hub.id().value());
        assertThat(stored).isNotBlank().doesNotContain(business.token());
        String opened = hubs.call(
                hub.id(), (connector, credential) -> credential.token().reveal());
        assertThat(opened).isEqualTo(business.token());
    }

    @Test
    void connectingEnqueuesTheFirstSync() {
        var hub = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());

        var sync = fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        assertThat(sync.trigger()).contains("hub connected");
        assertThat(sync.status().name()).isEqualTo("SUCCEEDED");
    }

    @Test
    void connectingBySigningInWithTheHubExchangesTheCode() {
        var code = meta.authorizationCode(
                owner.email(),
                TestMetaSimulator.APP_ID,
                TestMetaSimulator.SERVICE_REDIRECT,
                HubFixtures.SERVICE_SCOPES);

        var hub = hubs.connectWithCode(owner, HubFixtures.connectionTo(business), code);

        assertThat(hub.health()).isEqualTo(HubHealth.HEALTHY);
        assertThat(hubs.serviceRedirectUri()).isEqualTo(TestMetaSimulator.SERVICE_REDIRECT);
        assertThat(hubs.authorizeUrl(owner, HubFixtures.connectionTo(business), "state-1")
                        .toString())
                .startsWith(meta.baseUrl().toString())
                .contains("state=state-1")
                .contains("client_id=" + TestMetaSimulator.APP_ID);
    }

    @Test
    void aUsedCodeIsRefusedAndNothingIsStored() {
        var code = meta.authorizationCode(
                owner.email(),
                TestMetaSimulator.APP_ID,
                TestMetaSimulator.SERVICE_REDIRECT,
                HubFixtures.SERVICE_SCOPES);
        hubs.connectWithCode(owner, HubFixtures.connectionTo(business), code);
        var other = fixtures.aWorkspaceOwner();

        assertThatThrownBy(() -> hubs.connectWithCode(other, HubFixtures.connectionTo(business), code))
                .isInstanceOfSatisfying(
                        ConnectionFailed.class,
                        failed -> assertThat(failed.check().outcome()).isEqualTo(Outcome.SIGN_IN_REFUSED));
        assertThat(hubs.hubsOf(other.workspaceId())).isEmpty();
    }

    @Test
    void checkingAReachableBusinessNamesIt() {
        var check = hubs.check(HubFixtures.connectionTo(business), business.token());

        assertThat(check.outcome()).isEqualTo(Outcome.REACHED);
        assertThat(check.business())
                .isEqualTo(new BusinessInfo(business.id(), business.business().name()));
    }

    @Test
    void aWrongBusinessIdIsNamedBusinessNotFound() {
        var wrong = new HubConnection(
                io.hubwarden.connector.HubKind.META_BUSINESS_MANAGER, "Wrong", Map.of("business_id", "999999999"));

        var check = hubs.check(wrong, business.token());

        assertThat(check.outcome()).isEqualTo(Outcome.BUSINESS_NOT_FOUND);
        assertThat(check.traceId()).isNotBlank();
    }

    @Test
    void anExpiredTokenIsNamedTokenExpired() {
        var expired = meta.expiredUserToken(owner.email(), TestMetaSimulator.APP_ID, HubFixtures.SERVICE_SCOPES);

        var check = hubs.check(HubFixtures.connectionTo(business), expired);

        assertThat(check.outcome()).isEqualTo(Outcome.TOKEN_EXPIRED);
        assertThat(check.traceId()).isNotBlank();
    }

    @Test
    void aTokenWithoutTheBusinessPermissionIsNamedPermissionMissing() {
        var withoutPermission = meta.userToken(owner.email(), TestMetaSimulator.APP_ID, Set.of("email"));

        var check = hubs.check(HubFixtures.connectionTo(business), withoutPermission);

        assertThat(check.outcome()).isEqualTo(Outcome.PERMISSION_MISSING);
        assertThat(check.hubCode()).isNotBlank();
        assertThat(check.traceId()).isNotBlank();
    }

    @Test
    void aFailedCheckStoresNothing() {
        var expired = meta.expiredUserToken(owner.email(), TestMetaSimulator.APP_ID, HubFixtures.SERVICE_SCOPES);

        assertThatThrownBy(() -> hubs.connectWithToken(owner, HubFixtures.connectionTo(business), expired))
                .isInstanceOfSatisfying(
                        ConnectionFailed.class,
                        failed -> assertThat(failed.check().outcome()).isEqualTo(Outcome.TOKEN_EXPIRED));
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void settingsAreValidatedOfflineBeforeTheHubIsCalled() {
        var served = meta.requestsServed();
        var malformed = new HubConnection(
                io.hubwarden.connector.HubKind.META_BUSINESS_MANAGER, " ", Map.of("business_id", "not-a-number"));

        assertThatThrownBy(() -> hubs.connectWithToken(owner, malformed, business.token()))
                .isInstanceOfSatisfying(
                        SettingsRejected.class,
                        rejected -> assertThat(rejected.problems())
                                .extracting(io.hubwarden.connector.SettingProblem::setting)
                                .containsExactlyInAnyOrder("label", "business_id"));
        assertThat(meta.requestsServed()).isEqualTo(served);
    }

    @Test
    void theSameBusinessCannotBeConnectedTwiceInAWorkspace() {
        hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());

        assertThatThrownBy(() -> hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token()))
                .isInstanceOf(BusinessAlreadyConnected.class);
    }

    @Test
    void guestsAndLoginOnlyPeopleCannotConnectHubs() {
        for (var role : Set.of(WorkspaceRole.GUEST_USER, WorkspaceRole.LOGIN_ONLY)) {
            var person = fixtures.anInvitedPerson(owner, "guest", role);

            assertThatThrownBy(
                            () -> hubs.connectWithToken(person, HubFixtures.connectionTo(business), business.token()))
                    .isInstanceOf(HubAccessDenied.class);
        }
        assertThat(hubs.hubsOf(owner.workspaceId())).isEmpty();
    }

    @Test
    void aHubOfAnotherWorkspaceIsNotFound() {
        var hub = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());
        var stranger = fixtures.aWorkspaceOwner();

        assertThat(hubs.hub(stranger.workspaceId(), hub.id())).isEmpty();
        assertThatThrownBy(() -> hubs.unmatched(stranger.workspaceId(), hub.id()))
                .isInstanceOf(HubUnknown.class);
    }

    /** The owner's business and a second one, both connected and synced once. */
    private List<HubView> twoHubsSynced() {
        var first = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());
        var beta = meta.seedBusiness("Beta Ads " + System.nanoTime());
        meta.addBusinessUser(beta.id(), owner.email(), "ADMIN");
        var other = new MetaBusiness(beta, business.token());
        var second = hubs.connectWithToken(owner, HubFixtures.connectionTo(other), other.token());
        fixtures.awaitSyncs(owner.workspaceId(), first.id());
        fixtures.awaitSyncs(owner.workspaceId(), second.id());
        return List.of(first, second);
    }
}
