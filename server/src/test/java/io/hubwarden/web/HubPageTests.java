package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hubwarden.Unique;
import io.hubwarden.access.AccessRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.ShareRequest;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubFixtures.MetaBusiness;
import io.hubwarden.hub.HubHealth;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The hub list and a hub's page through the full stack, signed in with a session cookie, with a hub synced from the
 * Meta simulator: health in words, "Check for updates" and its progress, the review of a halted sync, and who may
 * see and do what.
 */
@HubTest
class HubPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    @Autowired
    AccessShares access;

    final MetaSimulator meta = TestMetaSimulator.get();

    HubFixtures fixtures;
    SignedInPerson owner;
    MetaBusiness business;
    HubView hub;
    Browser browser;
    String page;

    @BeforeEach
    void theOwnerOfASyncedHubSignsIn() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
        hub = fixtures.aSyncedHub(owner, business);
        browser = signedIn(owner.email());
        page = "/hubs/" + hub.id();
    }

    @Test
    void theListShowsTheWorkspacesHubsWithTheirHealthInWords() {
        var list = browser.open("/hubs");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(hub.label())
                .contains("Meta Business Manager")
                .contains("Healthy")
                .contains("href=\"/hubs/new\"")
                .contains("href=\"" + page + "\"");
    }

    @Test
    void theHomePageLinksToTheHubsAndToThePersonsCards() {
        var home = browser.open("/");

        assertThat(home.body()).contains("href=\"/hubs\"").contains("href=\"/cards\"");
    }

    @Test
    void theHubPageShowsHealthConnectionTheLastSyncAndLinks() {
        var shown = browser.open(page);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("Healthy")
                .contains(business.id())
                .contains("data-sync-status=\"SUCCEEDED\"")
                .contains("href=\"" + page + "/people\"")
                .contains("href=\"" + page + "/jobs\"")
                .contains("href=\"" + page + "/share\"")
                .contains("Check for updates")
                .doesNotContain(business.token());
    }

    @Test
    void aHubOfAnotherWorkspaceIsNotFoundOnEveryScreen() {
        var stranger = signedIn(fixtures.aWorkspaceOwner().email());
        var list = stranger.open("/hubs");

        assertThat(list.body()).doesNotContain(hub.label());
        assertThat(stranger.open(page).status()).isEqualTo(404);
        assertThat(stranger.open(page + "/sync").status()).isEqualTo(404);
        assertThat(stranger.submit(page + "/sync", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.submit(page + "/review/apply", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.submit(page + "/reconnect", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.open("/hubs/not-a-hub").status()).isEqualTo(404);
    }

    @Test
    void checkingForUpdatesQueuesASyncWhoseProgressThePagePollsUntilItIsDone() {
        jobs.pause(owner.workspaceId(), hub.id().value(), "held so that the page shows the sync waiting");
        browser.open(page);

        var requested = browser.submit(page + "/sync", Map.of());

        assertThat(requested.status()).isEqualTo(302);
        var waiting = browser.follow(requested);
        assertThat(waiting.body())
                .contains("A sync is under way")
                .contains("data-sync-status=\"QUEUED\"")
                .contains("hx-get=\"" + page + "/sync?watching=true\"")
                .contains("hx-trigger=\"every 2s\"")
                .contains("Reload to see how far it is");
        var polled = browser.open(page + "/sync?watching=true");
        assertThat(polled.status()).isEqualTo(200);
        assertThat(polled.body()).contains("id=\"sync-progress\"").doesNotContain("<html");

        jobs.resume(owner.workspaceId(), hub.id().value());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());

        var done = browser.open(page + "/sync?watching=true");
        assertThat(done.body()).contains("data-sync-status=\"SUCCEEDED\"").doesNotContain("hx-trigger");
        assertThat(jobs.jobsOf(owner.workspaceId(), hub.id().value(), PageRequest.of(0, 20)).stream()
                        .filter(job -> job.type().equals(Hubs.SYNC)))
                .hasSize(2);
    }

    @Test
    void aHaltedSyncIsShownForReviewAndApplyingItRemovesThePeople() {
        var seats = haltASyncThatRemovesThreePeople();

        var review = browser.open(page);

        assertThat(review.body())
                .contains("Sync required")
                .contains("A sync waits for your review")
                .contains("3 (75 %)")
                .contains(seats.get(0))
                .contains("Apply the sync")
                .contains("Discard it");

        var applied = browser.submit(page + "/review/apply", Map.of());

        assertThat(applied.status()).isEqualTo(302);
        assertThat(browser.follow(applied).body())
                .contains("The sync is applied")
                .doesNotContain("A sync waits for your review");
        assertThat(hubs.accounts(hub.id())).hasSize(1);
        assertThat(current().health()).isEqualTo(HubHealth.HEALTHY);
        assertThat(browser.submit(page + "/review/apply", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void discardingAHaltedSyncKeepsThePeople() {
        haltASyncThatRemovesThreePeople();
        browser.open(page);

        var discarded = browser.submit(page + "/review/discard", Map.of());

        assertThat(discarded.status()).isEqualTo(302);
        assertThat(hubs.accounts(hub.id())).hasSize(4);
        assertThat(current().health()).isEqualTo(HubHealth.HEALTHY);
        assertThat(hubs.haltedSync(owner.workspaceId(), hub.id())).isEmpty();
    }

    @Test
    void aCollaboratorSeesTheHubButCannotSyncApplyOrReconnect() {
        var collaboratorEmail = anActivePerson(WorkspaceRole.USER);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
        access.share(
                owner,
                hub.id(),
                new ShareRequest(
                        List.of(collaboratorEmail), AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), false, false));
        var jobsBefore = jobs.jobsOf(owner.workspaceId(), hub.id().value(), PageRequest.of(0, 20))
                .getTotalElements();
        var collaborator = signedIn(collaboratorEmail);

        var shown = collaborator.open(page);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains(hub.label())
                .doesNotContain("Check for updates")
                .doesNotContain("/share\"");
        assertThat(collaborator.submit(page + "/sync", Map.of()).status()).isEqualTo(403);
        assertThat(collaborator.submit(page + "/review/apply", Map.of()).status())
                .isEqualTo(403);
        assertThat(collaborator.submit(page + "/review/discard", Map.of()).status())
                .isEqualTo(403);
        assertThat(collaborator.submit(page + "/reconnect", Map.of()).status()).isEqualTo(403);
        assertThat(jobs.jobsOf(owner.workspaceId(), hub.id().value(), PageRequest.of(0, 20))
                        .getTotalElements())
                .isEqualTo(jobsBefore);
    }

    @Test
    void aPersonTheHubIsNotSharedWithCannotOpenItsPage() {
        var user = signedIn(anActivePerson(WorkspaceRole.USER));

        assertThat(user.open(page).status()).isEqualTo(403);
        assertThat(user.submit(page + "/sync", Map.of()).status()).isEqualTo(403);
        assertThat(user.open("/hubs").body()).doesNotContain(hub.label());
    }

    @Test
    void reconnectingWithAnExpiredTokenNamesTheHubsErrorAndKeepsTheOldCredential() {
        var expired = meta.expiredUserToken(owner.email(), TestMetaSimulator.APP_ID, HubFixtures.SERVICE_SCOPES);
        browser.open(page);

        var refused = browser.submit(page + "/reconnect", Map.of("credential", "token", "token", expired));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(browser.follow(refused).body())
                .contains("The token has expired")
                .doesNotContain(expired);
        String kept = hubs.call(
                hub.id(), (connector, credential) -> credential.token().reveal());
        assertThat(kept).isEqualTo(business.token());
    }

    @Test
    void reconnectingWithAFreshTokenKeepsTheHubHealthy() {
        var fresh = meta.userToken(owner.email(), TestMetaSimulator.APP_ID, HubFixtures.SERVICE_SCOPES);
        browser.open(page);

        var reconnected = browser.submit(page + "/reconnect", Map.of("credential", "token", "token", fresh));

        assertThat(browser.follow(reconnected).body()).contains("The hub has its new credential");
        String kept = hubs.call(
                hub.id(), (connector, credential) -> credential.token().reveal());
        assertThat(kept).isEqualTo(fresh);
    }

    private List<String> haltASyncThatRemovesThreePeople() {
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
        assertThat(current().health()).isEqualTo(HubHealth.SYNC_REQUIRED);
        return seats;
    }

    private HubView current() {
        return hubs.hub(owner.workspaceId(), hub.id()).orElseThrow();
    }

    private Browser signedIn(String email) {
        var signedIn = new Browser(mvc);
        assertThat(signedIn.signIn(email, HubFixtures.PASSWORD).status()).isEqualTo(302);
        return signedIn;
    }

    private String anActivePerson(WorkspaceRole role) {
        var email = Unique.email(role.name());
        workspaces.invite(owner.personId(), email, "Pat " + role.name(), role);
        workspaces.acceptInvitation(
                Fixtures.invitationPath(Fixtures.mailTo(email)).substring("/invitations/".length()),
                HubFixtures.PASSWORD);
        return email;
    }
}
