package io.hubwarden.automation;

import static io.hubwarden.automation.AutomationTestConfiguration.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

/** Jobs of a type whose handler takes several of one hub's jobs at once: 3 here, with 2 runs per hub at once. */
@AutomationModuleTest
class JobBatchesTests {

    @Autowired
    Jobs jobs;

    @Autowired
    JobWorker worker;

    @Autowired
    JobClaims claims;

    @Autowired
    RunningJobs running;

    @Autowired
    BatchingHandler batching;

    @Autowired
    ScriptedHandler scripted;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestWorkspaces workspaces;

    WorkspaceId workspace;
    final UUID hub = UUID.randomUUID();

    @BeforeEach
    void emptyQueueAtStart() {
        workspace = workspaces.aWorkspace();
        jdbc.sql("delete from job").update();
        jdbc.sql("delete from hub_rate_limit").update();
        batching.forget();
        scripted.forget();
        clock.set(START);
    }

    @Test
    void aHubsDueJobsRunTogetherInBatchesOfAtMostTheHandlersSize(AssertablePublishedEvents events) {
        var enqueued = enqueue(hub, "a", 5);

        var ran = worker.runDueJobs();

        assertThat(ran).isEqualTo(5);
        assertThat(batching.batches()).extracting(List::size).containsExactlyInAnyOrder(3, 2);
        assertThat(batching.batches().stream().flatMap(List::stream))
                .containsExactlyInAnyOrder("a-0", "a-1", "a-2", "a-3", "a-4");
        assertThat(enqueued).allSatisfy(job -> {
            assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(reloaded(job).attempts()).isEqualTo(1);
        });
        assertThat(events.ofType(JobFinished.class).matching(JobFinished::status, JobStatus.SUCCEEDED))
                .hasSize(5);
    }

    @Test
    void aBatchCountsOnceAmongTheHubsRunsAtOnce() {
        enqueue(hub, "a", 7);

        var first = claims.claimRuns(1);
        var second = claims.claimRuns(4);
        var third = claims.claimRuns(4);

        assertThat(first).singleElement().satisfies(batch -> assertThat(batch).hasSize(3));
        assertThat(second).singleElement().satisfies(batch -> assertThat(batch).hasSize(3));
        assertThat(third).isEmpty();
        assertThat(first.get(0))
                .extracting(job -> job.lease().orElseThrow().owner())
                .containsOnly(first.get(0).get(0).lease().orElseThrow().owner());
        assertThat(running(hub)).isEqualTo(6);
    }

    @Test
    void onlyJobsOfTheSameHubAndTypeAreTakenTogether() {
        enqueue(hub, "a", 4);
        enqueue(UUID.randomUUID(), "b", 4);
        var alone = jobs.enqueue(JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                .withHub(hub)
                .withSubject("scripted"));

        int ran = 0;
        for (int round = 0; round < 10; round++) {
            ran += worker.runDueJobs();
        }

        assertThat(ran).isEqualTo(9);
        assertThat(batching.batches())
                .allSatisfy(batch -> assertThat(batch)
                        .allSatisfy(subject ->
                                assertThat(subject).startsWith(batch.get(0).substring(0, 2))));
        assertThat(batching.batches().stream().flatMap(List::stream))
                .containsExactlyInAnyOrder("a-0", "a-1", "a-2", "a-3", "b-0", "b-1", "b-2", "b-3");
        assertThat(batching.batches()).anySatisfy(batch -> assertThat(batch).hasSizeGreaterThan(1));
        assertThat(scripted.runsOf(alone.id())).isEqualTo(1);
    }

    @Test
    void eachJobOfABatchEndsAsItsOwnFailureSays(AssertablePublishedEvents events) {
        var enqueued = enqueue(hub, "a", 3);
        batching.failing("a-0", new HubRejected("100", "Invalid parameter", null));
        batching.failing("a-1", new HubUnavailable("HTTP 503 from the hub", null, null));

        worker.runDueJobs();

        assertThat(reloaded(enqueued.get(0)).status()).isEqualTo(JobStatus.FAILED);
        assertThat(reloaded(enqueued.get(0)).failure())
                .contains(new JobFailure("HUB_REJECTED:100", "Invalid parameter"));
        assertThat(reloaded(enqueued.get(1)).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(reloaded(enqueued.get(1)).nextAttemptAt()).isEqualTo(START.plusSeconds(10));
        assertThat(reloaded(enqueued.get(2)).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(events.ofType(JobFinished.class))
                .extracting(JobFinished::subject, JobFinished::status)
                .containsExactlyInAnyOrder(tuple("a-0", JobStatus.FAILED), tuple("a-2", JobStatus.SUCCEEDED));
    }

    @Test
    void aBatchThatThrowsEndsEveryJobOfItAlike() {
        var enqueued = enqueue(hub, "a", 3);
        batching.everyBatchThrows(new HubRateLimited("slow down", Duration.ofSeconds(90), null));

        worker.runDueJobs();

        assertThat(enqueued).allSatisfy(job -> {
            var waiting = reloaded(job);
            assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.nextAttemptAt()).isEqualTo(START.plusSeconds(90));
        });
        assertThat(jobs.hubQueue(workspace, hub).waitsUntil()).contains(START.plusSeconds(90));
    }

    @Test
    void theLeasesOfABatchAreRenewedTogetherWhileItsWorkerHoldsThem() {
        enqueue(hub, "a", 3);
        var batch = claims.claimRuns(1).get(0);
        var owner = batch.get(0).lease().orElseThrow().owner();
        var ids = batch.stream().map(Job::id).toList();

        clock.advance(Duration.ofSeconds(30));
        var renewed = running.renewed(owner, ids);
        var byAnotherOwner = running.renewed("another-node/1/", ids);

        assertThat(renewed).isEqualTo(3);
        assertThat(byAnotherOwner).isZero();
        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(jobs.job(workspace, id).orElseThrow().lease())
                                .map(Lease::until)
                                .contains(START.plusSeconds(30 + 60)));
    }

    @Test
    void theSuccessOfABatchLeavesAJobTakenOverMeanwhileToItsNewWorker() {
        enqueue(hub, "a", 3);
        var batch = claims.claimRuns(1).get(0);
        var owner = batch.get(0).lease().orElseThrow().owner();
        clock.advance(Duration.ofSeconds(61));
        var takenOver = claims.claimRuns(1).get(0).get(0);

        running.succeeded(batch, owner);

        assertThat(batch).allSatisfy(job -> {
            var now = jobs.job(workspace, job.id()).orElseThrow();
            if (job.id().equals(takenOver.id())) {
                assertThat(now.status()).isEqualTo(JobStatus.RUNNING);
                assertThat(now.lease()).isEqualTo(takenOver.lease());
            } else {
                assertThat(now.status()).isEqualTo(JobStatus.SUCCEEDED);
            }
        });
    }

    @Test
    void theJobsOfABatchWhoseWorkerStoppedAreTakenOverEachAlone() {
        var enqueued = enqueue(hub, "a", 3);
        claims.claimRuns(1);
        clock.advance(Duration.ofSeconds(61));

        var firstRound = worker.runDueJobs();
        var secondRound = worker.runDueJobs();

        assertThat(firstRound).as("two runs at once for the hub").isEqualTo(2);
        assertThat(secondRound).isEqualTo(1);
        assertThat(batching.batches())
                .hasSize(3)
                .allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(enqueued).allSatisfy(job -> {
            assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(reloaded(job).attempts()).isEqualTo(2);
        });
    }

    private List<Job> enqueue(UUID hubId, String prefix, int count) {
        var enqueued = new ArrayList<Job>();
        for (int i = 0; i < count; i++) {
            enqueued.add(jobs.enqueue(JobRequest.of(workspace, BatchingHandler.TYPE, JobRequest.SYSTEM)
                    .withHub(hubId)
                    .withSubject(prefix + "-" + i)));
        }
        return enqueued;
    }

    private long running(UUID hubId) {
        return jdbc.sql("select count(*) from job where hub_id = :hub and status = 'RUNNING'")
                .param("hub", hubId)
                .query(Long.class)
                .single();
    }

    private Job reloaded(Job job) {
        return jobs.job(workspace, job.id()).orElseThrow();
    }
}
