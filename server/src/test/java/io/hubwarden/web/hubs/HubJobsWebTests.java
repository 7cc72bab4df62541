package io.hubwarden.web.hubs;

import static io.hubwarden.web.hubs.HubPeopleWebTests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.hubwarden.Unique;
import io.hubwarden.access.AccessRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.ShareRequest;
import io.hubwarden.automation.Job;
import io.hubwarden.automation.JobStatus;
import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A hub's Jobs page over HTTP through the full stack, with the real Meta simulator: the list, retry and refusals. */
@HubTest
class HubJobsWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccessShares access;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    final MetaSimulator meta = TestMetaSimulator.get();

    HubFixtures fixtures;
    SignedInPerson owner;
    HubView hub;

    @BeforeEach
    void aSyncedHub() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        hub = fixtures.aSyncedHub(owner, fixtures.aMetaBusinessRunBy(owner));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
    }

    @Test
    void thePageListsTheHubsJobsNewestFirst() {
        fixtures.awaitJob(owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());

        var page = open(owner, "/hubs/" + hub.id() + "/jobs");

        assertThat(page).hasStatusOk();
        var html = body(page);
        assertThat(html).contains("<td>Sync</td>").contains("<span class=\"chip\">Succeeded</span>");
        assertThat(html.indexOf("check for updates")).isPositive().isLessThan(html.indexOf("hub connected"));
    }

    @Test
    void anInvitationJobSaysWhomItInvites() {
        var email = Unique.email("invitee");
        workspaces.invite(owner.personId(), email, "Ivy Invitee", WorkspaceRole.USER);
        var membership = access.share(
                        owner,
                        hub.id(),
                        new ShareRequest(List.of(email), AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), true, false))
                .get(0);

        var html = body(open(owner, "/hubs/" + hub.id() + "/jobs"));

        assertThat(html)
                .contains("<td>Invitation</td>")
                .contains(email)
                .doesNotContain(membership.id().toString());
    }

    @Test
    void aManagerRetriesAFailedJob() {
        var failed = aFailedSync();
        var page = body(open(owner, "/hubs/" + hub.id() + "/jobs"));
        assertThat(page)
                .contains("<span class=\"chip\">Failed</span>")
                .contains("HUB_REJECTED:200")
                .contains("/jobs/" + failed.id() + "/retry");

        var retried = post(owner, "/hubs/" + hub.id() + "/jobs/" + failed.id() + "/retry");

        assertThat(retried).hasStatus3xxRedirection();
        assertThat(fixtures.awaitJob(owner.workspaceId(), failed.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void retryingAJobThatHasNotFailedIsShownOnThePage() {
        var succeeded = fixtures.awaitJob(
                owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());

        var refused = post(owner, "/hubs/" + hub.id() + "/jobs/" + succeeded.id() + "/retry");

        assertThat(refused).hasStatus(409);
        assertThat(body(refused)).contains("Only a failed job can be retried.");
    }

    @Test
    void aCollaboratorSeesTheJobsButMayNotRetryThem() {
        var collaborator = collaborator();
        var failed = aFailedSync();

        var page = open(collaborator, "/hubs/" + hub.id() + "/jobs");
        var retried = post(collaborator, "/hubs/" + hub.id() + "/jobs/" + failed.id() + "/retry");

        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("HUB_REJECTED:200").doesNotContain("/retry");
        assertThat(retried).hasStatus(403);
        assertThat(jobs.job(owner.workspaceId(), failed.id()).orElseThrow().status())
                .isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aHubOrJobOfAnotherWorkspaceIsNotFound() {
        var failed = aFailedSync();
        var stranger = fixtures.aWorkspaceOwner();
        var theirHub = fixtures.aSyncedHub(stranger, fixtures.aMetaBusinessRunBy(stranger));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> access.roleOn(theirHub.id(), stranger.personId()).isPresent());

        assertThat(open(stranger, "/hubs/" + hub.id() + "/jobs")).hasStatus(404);
        assertThat(post(stranger, "/hubs/" + hub.id() + "/jobs/" + failed.id() + "/retry"))
                .hasStatus(404);
        assertThat(post(stranger, "/hubs/" + theirHub.id() + "/jobs/" + failed.id() + "/retry"))
                .hasStatus(404);
        assertThat(post(owner, "/hubs/" + hub.id() + "/jobs/not-a-job/retry")).hasStatus(404);
        assertThat(jobs.job(owner.workspaceId(), failed.id()).orElseThrow().status())
                .isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aRetryWithoutTheFormsTokenIsRefused() {
        var failed = aFailedSync();

        var forged = mvc.post()
                .uri("/hubs/" + hub.id() + "/jobs/" + failed.id() + "/retry")
                .accept(MediaType.TEXT_HTML)
                .with(as(owner))
                .exchange();

        assertThat(forged).hasStatus(403);
        assertThat(jobs.job(owner.workspaceId(), failed.id()).orElseThrow().status())
                .isEqualTo(JobStatus.FAILED);
    }

    /** A sync the hub refused outright, so it failed without retries. */
    private Job aFailedSync() {
        meta.injectFault("GET", "/*/business_users", Fault.serverError(400, 200), 1);
        var failed = fixtures.awaitJob(
                owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        return failed;
    }

    private SignedInPerson collaborator() {
        var email = Unique.email("collaborator");
        var invited = workspaces.invite(owner.personId(), email, "Col Laborator", WorkspaceRole.USER);
        access.share(
                owner,
                hub.id(),
                new ShareRequest(List.of(email), AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), false, false));
        return new SignedInPerson(invited.personId(), owner.workspaceId(), WorkspaceRole.USER, email, "Col Laborator");
    }

    private MvcTestResult open(SignedInPerson person, String path) {
        return mvc.get().uri(path).accept(MediaType.TEXT_HTML).with(as(person)).exchange();
    }

    private MvcTestResult post(SignedInPerson person, String path) {
        return mvc.post()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .with(as(person))
                .with(csrf())
                .exchange();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
