package io.hubwarden.automation;

import static io.hubwarden.automation.AutomationTestConfiguration.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.transaction.support.TransactionTemplate;

@AutomationModuleTest
class JobsTests {

    @Autowired
    Jobs jobs;

    @Autowired
    JobWorker worker;

    @Autowired
    ScriptedHandler handler;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestWorkspaces workspaces;

    WorkspaceId workspace;
    WorkspaceId otherWorkspace;
    final UUID hub = UUID.randomUUID();

    @BeforeEach
    void emptyQueueAtStart() {
        workspace = workspaces.aWorkspace();
        otherWorkspace = workspaces.anotherWorkspace();
        jdbc.sql("delete from job").update();
        jdbc.sql("delete from hub_rate_limit").update();
        handler.forget();
        clock.set(START);
    }

    @Nested
    class Enqueueing {

        @Test
        void makesAQueuedJobDueAtOnce() {
            var job = jobs.enqueue(invite("membership-1")
                    .withPayload("{\"role\":\"EMPLOYEE\"}")
                    .withTrigger("access shared"));

            var stored = jobs.job(workspace, job.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(stored.nextAttemptAt()).isEqualTo(START);
            assertThat(stored.attempts()).isZero();
            assertThat(stored.maxAttempts()).isEqualTo(3);
            assertThat(stored.hubId()).contains(hub);
            assertThat(stored.subject()).contains("membership-1");
            assertThat(stored.payload()).contains("{\"role\":\"EMPLOYEE\"}");
            assertThat(stored.trigger()).contains("access shared");
            assertThat(stored.causedBy()).isEqualTo(JobRequest.SYSTEM);
            assertThat(stored.createdAt()).isEqualTo(START);
        }

        @Test
        void theSameIdempotencyKeyTwiceGivesOneJob() {
            var first = jobs.enqueue(invite("membership-1").withIdempotencyKey("invite:membership-1:v1"));

            var second = jobs.enqueue(invite("membership-1").withIdempotencyKey("invite:membership-1:v1"));

            assertThat(second.id()).isEqualTo(first.id());
            assertThat(jobs.jobsOf(workspace, null, PageRequest.of(0, 10))).hasSize(1);
        }

        @Test
        void manyRequestsAtOnceGiveANewJobPerFreeKeyAndTheExistingJobForATakenOne() {
            var taken = jobs.enqueue(invite("membership-1").withIdempotencyKey("invite:membership-1:v1"));

            var enqueued = jobs.enqueueAll(List.of(
                    invite("membership-1").withIdempotencyKey("invite:membership-1:v1"),
                    invite("membership-2").withIdempotencyKey("invite:membership-2:v1"),
                    invite("membership-3"),
                    invite("membership-2").withIdempotencyKey("invite:membership-2:v1")));

            assertThat(enqueued.get(0).id()).isEqualTo(taken.id());
            assertThat(enqueued.get(3).id()).isEqualTo(enqueued.get(1).id());
            assertThat(enqueued.get(2).subject()).contains("membership-3");
            assertThat(jobs.jobsOf(workspace, null, PageRequest.of(0, 10)))
                    .extracting(job -> job.subject().orElseThrow())
                    .containsExactlyInAnyOrder("membership-1", "membership-2", "membership-3");
            assertThat(jobs.job(workspace, enqueued.get(1).id()))
                    .map(Job::status)
                    .contains(JobStatus.QUEUED);
        }

        @Test
        void theSameKeyInAnotherWorkspaceIsAnotherJob() {
            var first = jobs.enqueue(invite("membership-1").withIdempotencyKey("sync:nightly"));

            var second = jobs.enqueue(JobRequest.of(otherWorkspace, ScriptedHandler.TYPE, JobRequest.SCHEDULE)
                    .withIdempotencyKey("sync:nightly"));

            assertThat(second.id()).isNotEqualTo(first.id());
        }

        @Test
        void racingTransactionsWithTheSameKeyLeaveOneJobAndBothCommit() throws Exception {
            var barrier = new CyclicBarrier(2);
            Callable<JobId> enqueue = () -> transaction.execute(status -> {
                await(barrier);
                return jobs.enqueue(invite("membership-1").withIdempotencyKey("invite:raced"))
                        .id();
            });
            var pool = Executors.newFixedThreadPool(2);
            try {
                var results = new ArrayList<Future<JobId>>();
                results.add(pool.submit(enqueue));
                results.add(pool.submit(enqueue));

                var ids = List.of(
                        results.get(0).get(30, TimeUnit.SECONDS), results.get(1).get(30, TimeUnit.SECONDS));

                assertThat(ids.get(0)).isEqualTo(ids.get(1));
                assertThat(jobs.jobsOf(workspace, null, PageRequest.of(0, 10))).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void rollsBackWithTheCallersTransaction() {
            var enqueued = new ArrayList<JobId>();

            transaction.executeWithoutResult(status -> {
                enqueued.add(jobs.enqueue(invite("membership-1")).id());
                status.setRollbackOnly();
            });

            assertThat(jobs.job(workspace, enqueued.get(0))).isEmpty();
        }
    }

    @Nested
    class AcrossWorkspaces {

        @Test
        void aJobIsNotFoundFromAnotherWorkspace() {
            var job = jobs.enqueue(invite("membership-1"));

            assertThat(jobs.job(otherWorkspace, job.id())).isEmpty();
            assertThat(jobs.jobsOf(otherWorkspace, null, PageRequest.of(0, 10))).isEmpty();
            assertThat(jobs.jobsOf(otherWorkspace, hub, PageRequest.of(0, 10))).isEmpty();
        }

        @Test
        void anotherWorkspaceCannotRetryOrCancelIt() {
            var job = jobs.enqueue(invite("membership-1"));

            assertThatThrownBy(() -> jobs.cancel(otherWorkspace, job.id())).isInstanceOf(JobNotFound.class);
            assertThatThrownBy(() -> jobs.retry(otherWorkspace, job.id())).isInstanceOf(JobNotFound.class);
            assertThat(jobs.job(workspace, job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        }

        @Test
        void anotherWorkspaceCannotPauseOrResumeTheHub() {
            jobs.enqueue(invite("membership-1"));

            var paused = jobs.pause(otherWorkspace, hub, "not yours");

            assertThat(paused).isFalse();
            assertThat(jobs.hubQueue(workspace, hub).paused()).isFalse();
            assertThat(worker.runDueJobs()).isEqualTo(1);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aQueuedJobEndsCancelledAndNeverRuns(AssertablePublishedEvents events) {
            var job = jobs.enqueue(invite("membership-1"));

            var cancelled = jobs.cancel(workspace, job.id());
            var ran = worker.runDueJobs();

            assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(ran).isZero();
            assertThat(handler.runsOf(job.id())).isZero();
            assertThat(events)
                    .contains(JobFinished.class)
                    .matching(JobFinished::jobId, job.id())
                    .matching(JobFinished::status, JobStatus.CANCELLED);
        }

        @Test
        void aFinishedJobCannotBeCancelled() {
            var job = jobs.enqueue(invite("membership-1"));
            worker.runDueJobs();

            assertThatThrownBy(() -> jobs.cancel(workspace, job.id()))
                    .isInstanceOf(JobTransitionRefused.class)
                    .hasMessageContaining("SUCCEEDED");
        }

        @Test
        void onlyAFailedJobCanBeRetried() {
            var job = jobs.enqueue(invite("membership-1"));

            assertThatThrownBy(() -> jobs.retry(workspace, job.id())).isInstanceOf(JobTransitionRefused.class);
        }
    }

    @Nested
    class PausingAHub {

        @Test
        void holdsItsJobsUntilResumed() {
            jobs.pause(workspace, hub, "hub disconnected");
            var job = jobs.enqueue(invite("membership-1"));

            var whilePaused = worker.runDueJobs();
            var queue = jobs.hubQueue(workspace, hub);
            jobs.resume(workspace, hub);
            var afterResume = worker.runDueJobs();

            assertThat(whilePaused).isZero();
            assertThat(queue.paused()).isTrue();
            assertThat(queue.pauseReason()).isEqualTo("hub disconnected");
            assertThat(afterResume).isEqualTo(1);
            assertThat(jobs.job(workspace, job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void leavesOtherHubsAlone() {
            jobs.pause(workspace, hub, "hub disconnected");
            var elsewhere = jobs.enqueue(JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                    .withHub(UUID.randomUUID()));

            worker.runDueJobs();

            assertThat(jobs.job(workspace, elsewhere.id()).orElseThrow().status())
                    .isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void twiceReportsThatItWasAlreadyPaused() {
            var first = jobs.pause(workspace, hub, "hub disconnected");

            var second = jobs.pause(workspace, hub, "hub disconnected");

            assertThat(first).isTrue();
            assertThat(second).isFalse();
        }
    }

    @Test
    void listsAHubsJobsNewestFirst() {
        jobs.enqueue(invite("membership-1"));
        clock.advance(Duration.ofSeconds(1));
        jobs.enqueue(invite("membership-2"));
        jobs.enqueue(JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SCHEDULE));

        var page = jobs.jobsOf(workspace, hub, PageRequest.of(0, 10));

        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getContent())
                .extracting(job -> job.subject().orElseThrow())
                .containsExactly("membership-2", "membership-1");
        assertThat(jobs.jobsOf(workspace, null, PageRequest.of(0, 2)).getTotalElements())
                .isEqualTo(3);
    }

    @Test
    void progressReportedThroughTheApiIsVisibleWhileTheJobRuns() {
        var seen = new ArrayList<JobProgress>();
        handler.script("sync-1", List.of(job -> {
            jobs.progress(job.id(), 2, 5, "Importing assets");
            seen.add(jobs.job(workspace, job.id()).orElseThrow().progress().orElseThrow());
        }));
        jobs.enqueue(invite("sync-1"));

        worker.runDueJobs();

        assertThat(seen).containsExactly(new JobProgress(2, 5, "Importing assets"));
    }

    private JobRequest invite(String subject) {
        return JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                .withHub(hub)
                .withSubject(subject);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the racing transactions did not meet", e);
        }
    }
}
