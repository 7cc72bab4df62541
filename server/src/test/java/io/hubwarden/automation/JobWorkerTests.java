package io.hubwarden.automation;

import static io.hubwarden.automation.AutomationTestConfiguration.START;
import static io.hubwarden.automation.ScriptedHandler.throwing;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

@AutomationModuleTest
class JobWorkerTests {

    @Autowired
    Jobs jobs;

    @Autowired
    JobWorker worker;

    @Autowired
    JobClaims claims;

    @Autowired
    RunningJobs running;

    @Autowired
    ScriptedHandler handler;

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
        handler.forget();
        clock.set(START);
    }

    @Test
    void runsAnEnqueuedJobOnceAndMarksItSucceeded(AssertablePublishedEvents events) {
        var job = jobs.enqueue(inviteOn(hub, "membership-1"));

        var ran = worker.runDueJobs();

        assertThat(ran).isEqualTo(1);
        assertThat(handler.runsOf(job.id())).isEqualTo(1);
        assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(reloaded(job).attempts()).isEqualTo(1);
        assertThat(events)
                .contains(JobFinished.class)
                .matching(JobFinished::jobId, job.id())
                .matching(JobFinished::status, JobStatus.SUCCEEDED)
                .matching(JobFinished::subject, "membership-1");
        assertThat(worker.runDueJobs()).isZero();
    }

    @Test
    void runsAWorkspaceLevelJobWithoutAHub() {
        var job = jobs.enqueue(JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SCHEDULE));

        worker.runDueJobs();

        assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void keepsProgressAndResumesFromTheCheckpoint() {
        handler.script(
                "sync-1",
                List.of(
                        job -> {
                            job.progress(1, 3, "Importing members, page 1");
                            job.checkpoint("cursor-page-2");
                            throw new HubUnavailable("timeout", null, null);
                        },
                        job -> {
                            assertThat(job.checkpoint()).contains("cursor-page-2");
                            assertThat(job.attempt()).isEqualTo(2);
                            job.progress(3, 3, "Done");
                        }));
        var job = jobs.enqueue(inviteOn(hub, "sync-1"));

        worker.runDueJobs();
        var afterFirst = reloaded(job);
        clock.advance(Duration.ofSeconds(10));
        worker.runDueJobs();

        assertThat(afterFirst.progress()).contains(new JobProgress(1, 3, "Importing members, page 1"));
        assertThat(afterFirst.checkpoint()).contains("cursor-page-2");
        assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(reloaded(job).progress()).contains(new JobProgress(3, 3, "Done"));
    }

    @Test
    void keepsProgressAndTheCheckpointSavedInOneWrite() {
        handler.script(
                "sync-2",
                List.of(
                        job -> {
                            job.progress(2, 5, "Reading members, page 2", "cursor-page-3");
                            throw new HubUnavailable("timeout", null, null);
                        },
                        job -> assertThat(job.checkpoint()).contains("cursor-page-3")));
        var job = jobs.enqueue(inviteOn(hub, "sync-2"));

        worker.runDueJobs();
        var afterFirst = reloaded(job);
        clock.advance(Duration.ofSeconds(10));
        worker.runDueJobs();

        assertThat(afterFirst.progress()).contains(new JobProgress(2, 5, "Reading members, page 2"));
        assertThat(afterFirst.checkpoint()).contains("cursor-page-3");
        assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aClaimedJobIsTheStoredJobRunningUnderItsLease() {
        handler.script("membership-2", List.of(job -> {
            job.progress(1, 2, "Halfway", "cursor-2");
            throw new HubUnavailable("timeout", null, null);
        }));
        var job = jobs.enqueue(inviteOn(hub, "membership-2")
                .withPayload("3")
                .withTrigger("access shared")
                .withIdempotencyKey("invite-membership-2"));
        worker.runDueJobs();
        clock.advance(Duration.ofSeconds(10));

        var claimed = claims.claim(1);

        assertThat(claimed).singleElement().satisfies(running -> {
            assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(running.attempts()).isEqualTo(2);
            assertThat(running.failure()).isPresent();
            assertThat(running.checkpoint()).contains("cursor-2");
            assertThat(running)
                    .usingRecursiveComparison()
                    .ignoringFields("events")
                    .isEqualTo(reloaded(job));
        });
    }

    @Nested
    class WhenAWorkerDies {

        @Test
        void aRunningJobWhoseLeaseExpiredIsClaimedAgain() {
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));
            assertThat(claims.claim(1)).hasSize(1);

            var whileLeased = worker.runDueJobs();
            clock.advance(Duration.ofSeconds(61));
            var afterExpiry = worker.runDueJobs();

            assertThat(whileLeased).isZero();
            assertThat(afterExpiry).isEqualTo(1);
            assertThat(handler.runsOf(job.id())).isEqualTo(1);
            assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(reloaded(job).attempts()).isEqualTo(2);
        }

        @Test
        void theOutcomeOfAWorkerThatLostItsLeaseIsDropped() {
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));
            var stale = claims.claim(1).get(0);
            clock.advance(Duration.ofSeconds(61));
            worker.runDueJobs();

            running.record(
                    stale,
                    stale.lease().orElseThrow().owner(),
                    new Outcome.Failed(new JobFailure("HUB_UNAVAILABLE", "late"), false));

            assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(reloaded(job).failure()).isEmpty();
        }

        @Test
        void theSuccessOfAWorkerThatLostItsLeaseLeavesTheJobToItsNewWorker() {
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));
            var stale = claims.claim(1).get(0);
            clock.advance(Duration.ofSeconds(61));
            var current = claims.claim(1).get(0);

            running.record(stale, stale.lease().orElseThrow().owner(), Outcome.SUCCEEDED);

            assertThat(reloaded(job).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(reloaded(job).lease()).isEqualTo(current.lease());
            assertThat(reloaded(job).finishedAt()).isEmpty();
        }

        @Test
        void aJobThatKeepsLosingItsWorkerFailsAfterItsLastAttempt(AssertablePublishedEvents events) {
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(claims.claim(1)).hasSize(1);
                clock.advance(Duration.ofSeconds(61));
            }
            var ran = worker.runDueJobs();

            assertThat(ran).isZero();
            assertThat(reloaded(job).status()).isEqualTo(JobStatus.FAILED);
            assertThat(reloaded(job).failure()).map(JobFailure::code).contains("WORKER_LOST");
            assertThat(events).contains(JobFinished.class).matching(JobFinished::status, JobStatus.FAILED);
        }
    }

    @Nested
    class WhenTheHubThrottles {

        @Test
        void theJobWaitsTheHubsTimeWithoutLosingAnAttempt() {
            handler.script(
                    "membership-1", List.of(throwing(new HubRateLimited("slow down", Duration.ofSeconds(90), null))));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            worker.runDueJobs();

            var waiting = reloaded(job);
            assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(waiting.nextAttemptAt()).isEqualTo(START.plusSeconds(90));
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.failure()).map(JobFailure::code).contains("HUB_RATE_LIMITED");
            assertThat(jobs.hubQueue(workspace, hub).waitsUntil()).contains(START.plusSeconds(90));
        }

        @Test
        void theHubsOtherJobsWaitTooWhileOtherHubsRun() {
            handler.script(
                    "membership-1", List.of(throwing(new HubRateLimited("slow down", Duration.ofSeconds(90), null))));
            var throttled = jobs.enqueue(inviteOn(hub, "membership-1"));
            worker.runDueJobs();
            var sameHub = jobs.enqueue(inviteOn(hub, "membership-2"));
            var otherHub = jobs.enqueue(inviteOn(UUID.randomUUID(), "membership-3"));

            clock.advance(Duration.ofSeconds(89));
            var beforeTheHubsTime = worker.runDueJobs();
            clock.advance(Duration.ofSeconds(1));
            var atTheHubsTime = worker.runDueJobs();

            assertThat(beforeTheHubsTime).isEqualTo(1);
            assertThat(handler.runsOf(otherHub.id())).isEqualTo(1);
            assertThat(atTheHubsTime).isEqualTo(2);
            assertThat(List.of(reloaded(throttled).status(), reloaded(sameHub).status()))
                    .containsOnly(JobStatus.SUCCEEDED);
        }

        @Test
        void withoutAStatedTimeTheJobWaitsForTheBackoff() {
            handler.script("membership-1", List.of(throwing(new HubRateLimited("slow down", null, null))));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            worker.runDueJobs();

            assertThat(reloaded(job).nextAttemptAt()).isEqualTo(START.plusSeconds(10));
        }

        @Test
        void pastThePostponementLimitEveryRateLimitCountsAsAnAttempt() {
            var limited = throwing(new HubRateLimited("slow down", Duration.ofSeconds(5), null));
            handler.script("membership-1", List.of(limited, limited, limited, limited, limited, limited));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            for (int run = 0; run < 5; run++) {
                worker.runDueJobs();
                clock.advance(Duration.ofSeconds(5));
            }

            assertThat(reloaded(job).postponements()).isEqualTo(2);
            assertThat(reloaded(job).status()).isEqualTo(JobStatus.FAILED);
            assertThat(reloaded(job).failure()).map(JobFailure::code).contains("HUB_RATE_LIMITED");
        }
    }

    @Nested
    class WhenTheHubIsUnavailable {

        @Test
        void theJobIsRetriedWithGrowingWaitsThenFailedWithTheFailureRecorded(AssertablePublishedEvents events) {
            var down = throwing(new HubUnavailable("HTTP 503 from the hub", "trace-9", null));
            handler.script("membership-1", List.of(down, down, down));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            worker.runDueJobs();
            var afterFirst = reloaded(job);
            clock.advance(Duration.ofSeconds(9));
            var tooEarly = worker.runDueJobs();
            clock.advance(Duration.ofSeconds(1));
            worker.runDueJobs();
            var afterSecond = reloaded(job);
            clock.advance(Duration.ofSeconds(20));
            worker.runDueJobs();

            assertThat(afterFirst.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(afterFirst.nextAttemptAt()).isEqualTo(START.plusSeconds(10));
            assertThat(tooEarly).isZero();
            assertThat(afterSecond.nextAttemptAt()).isEqualTo(START.plusSeconds(10 + 20));
            var failed = reloaded(job);
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.failure())
                    .contains(new JobFailure("HUB_UNAVAILABLE", "HTTP 503 from the hub (trace id trace-9)"));
            assertThat(handler.runsOf(job.id())).isEqualTo(3);
            assertThat(events)
                    .contains(JobFinished.class)
                    .matching(JobFinished::status, JobStatus.FAILED)
                    .matching(JobFinished::failure, failed.failure().orElseThrow());
        }

        @Test
        void anUnexpectedExceptionIsRetriedUnderAGenericCode() {
            handler.script("membership-1", List.of(throwing(new IllegalStateException("token=abc"))));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            worker.runDueJobs();

            assertThat(reloaded(job).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(reloaded(job).failure()).map(JobFailure::code).contains("UNEXPECTED_ERROR");
            assertThat(reloaded(job).failure())
                    .map(JobFailure::message)
                    .get()
                    .asString()
                    .doesNotContain("abc");
        }

        @Test
        void aJobOfATypeNobodyHandlesIsRetriedAsNoHandler() {
            var job = jobs.enqueue(JobRequest.of(workspace, "UNKNOWN_TYPE", JobRequest.SYSTEM));

            worker.runDueJobs();

            assertThat(reloaded(job).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(reloaded(job).failure()).map(JobFailure::code).contains("NO_HANDLER");
        }
    }

    @Nested
    class WhenTheHubsCredentialsExpired {

        @Test
        void theHubsJobsArePausedNotFailedAndAnEventSaysSo(AssertablePublishedEvents events) {
            handler.script("membership-1", List.of(throwing(new HubAuthExpired("token expired", null))));
            var expired = jobs.enqueue(inviteOn(hub, "membership-1"));
            worker.runDueJobs();
            var queued = jobs.enqueue(inviteOn(hub, "membership-2"));

            clock.advance(Duration.ofHours(1));
            var whilePaused = worker.runDueJobs();

            assertThat(whilePaused).isZero();
            assertThat(reloaded(expired).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(reloaded(expired).attempts()).isZero();
            assertThat(reloaded(queued).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(jobs.hubQueue(workspace, hub).paused()).isTrue();
            assertThat(events)
                    .contains(HubJobsPaused.class)
                    .matching(HubJobsPaused::hubId, hub)
                    .matching(HubJobsPaused::jobId, expired.id())
                    .matching(HubJobsPaused::reason, "token expired");
        }

        @Test
        void resumingTheHubRunsItsJobs() {
            handler.script("membership-1", List.of(throwing(new HubAuthExpired("token expired", null))));
            var expired = jobs.enqueue(inviteOn(hub, "membership-1"));
            worker.runDueJobs();
            var queued = jobs.enqueue(inviteOn(hub, "membership-2"));

            var resumed = jobs.resume(workspace, hub);
            var ran = worker.runDueJobs();

            assertThat(resumed).isTrue();
            assertThat(ran).isEqualTo(2);
            assertThat(List.of(reloaded(expired).status(), reloaded(queued).status()))
                    .containsOnly(JobStatus.SUCCEEDED);
        }
    }

    @Nested
    class WhenTheHubRefuses {

        @Test
        void aRejectedJobFailsAtOnceWithTheHubsCodeAndMessage(AssertablePublishedEvents events) {
            handler.script("membership-1", List.of(throwing(new HubRejected("100/1752129", "Role not allowed", null))));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            worker.runDueJobs();

            var failed = reloaded(job);
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.failure()).contains(new JobFailure("HUB_REJECTED:100/1752129", "Role not allowed"));
            assertThat(events)
                    .contains(JobFinished.class)
                    .matching(JobFinished::failure, new JobFailure("HUB_REJECTED:100/1752129", "Role not allowed"));
        }

        @Test
        void aJobWhoseObjectIsGoneFailsAtOnce() {
            handler.script("membership-1", List.of(throwing(new HubNotFound("no such user", null))));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));

            worker.runDueJobs();

            assertThat(reloaded(job).status()).isEqualTo(JobStatus.FAILED);
            assertThat(reloaded(job).failure()).map(JobFailure::code).contains("HUB_NOT_FOUND");
        }

        @Test
        void aRetriedFailedJobRunsAgainWithFreshAttempts() {
            handler.script("membership-1", List.of(throwing(new HubRejected("200", "Permissions error", null))));
            var job = jobs.enqueue(inviteOn(hub, "membership-1"));
            worker.runDueJobs();

            var retried = jobs.retry(workspace, job.id());
            worker.runDueJobs();

            assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(retried.attempts()).isZero();
            assertThat(reloaded(job).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(handler.runsOf(job.id())).isEqualTo(2);
        }
    }

    @Nested
    class WithManyJobsOnOneHub {

        @Test
        void noMoreThanTheHubsConcurrencyRunAtOnce() {
            for (int i = 0; i < 5; i++) {
                jobs.enqueue(inviteOn(hub, "membership-" + i));
            }
            var elsewhere = jobs.enqueue(inviteOn(UUID.randomUUID(), "membership-x"));

            var first = claims.claim(10);
            var second = claims.claim(10);

            assertThat(first).hasSize(3).extracting(Job::id).contains(elsewhere.id());
            assertThat(first)
                    .filteredOn(job -> job.hubId().equals(Optional.of(hub)))
                    .hasSize(2);
            assertThat(second).isEmpty();
        }

        @Test
        void aHubRunningAllItMayDoesNotHoldBackAnotherHubsLaterJob() {
            for (int i = 0; i < 2; i++) {
                jobs.enqueue(inviteOn(hub, "running-" + i));
            }
            var running = claims.claim(2);
            for (int i = 0; i < 10; i++) {
                jobs.enqueue(inviteOn(hub, "waiting-" + i));
            }
            clock.advance(Duration.ofSeconds(1));
            var elsewhere = jobs.enqueue(inviteOn(UUID.randomUUID(), "membership-x"));

            var next = claims.claim(1);

            assertThat(running).hasSize(2);
            assertThat(next).extracting(Job::id).containsExactly(elsewhere.id());
        }

        @Test
        void aPausedHubDoesNotHoldBackAnotherHubsLaterJob() {
            for (int i = 0; i < 10; i++) {
                jobs.enqueue(inviteOn(hub, "waiting-" + i));
            }
            jobs.pause(workspace, hub, "hub disconnected");
            clock.advance(Duration.ofSeconds(1));
            var elsewhere = jobs.enqueue(inviteOn(UUID.randomUUID(), "membership-x"));

            var next = claims.claim(1);

            assertThat(next).extracting(Job::id).containsExactly(elsewhere.id());
        }
    }

    private JobRequest inviteOn(UUID hubId, String subject) {
        return JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                .withHub(hubId)
                .withSubject(subject);
    }

    private Job reloaded(Job job) {
        return jobs.job(workspace, job.id()).orElseThrow();
    }
}
