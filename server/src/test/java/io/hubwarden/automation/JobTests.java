package io.hubwarden.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobTests {

    static final Instant START = Instant.parse("2030-01-01T09:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(60);
    static final String OWNER = "node-a/1";
    static final JobFailure BROKEN = new JobFailure("HUB_UNAVAILABLE", "the hub answered 503");

    /** Every status a job can be in, reached through legal transitions only. */
    enum Situation {
        QUEUED(job -> {}),
        RUNNING(job -> job.claimed(OWNER, START.plus(LEASE), START)),
        RUNNING_LEASE_EXPIRED(job -> job.claimed(OWNER, START.minusSeconds(1), START.minus(LEASE))),
        SUCCEEDED(job -> {
            job.claimed(OWNER, START.plus(LEASE), START);
            job.succeeded(OWNER, START);
        }),
        FAILED(job -> {
            job.claimed(OWNER, START.plus(LEASE), START);
            job.failed(OWNER, BROKEN, null, START);
        }),
        CANCELLED(job -> job.cancelled(START));

        private final Consumer<Job> reach;

        Situation(Consumer<Job> reach) {
            this.reach = reach;
        }

        Job job() {
            var job = Job.queued(new JobId(UUID.randomUUID()), request(), 3, START.minus(LEASE));
            reach.accept(job);
            job.eventsPublished();
            return job;
        }
    }

    /** Every change a job may be asked for. */
    enum Change {
        CLAIMED(job -> job.claimed("node-b/2", START.plus(LEASE), START)),
        LEASE_RENEWED(job -> job.leaseRenewed(OWNER, START.plus(LEASE), START)),
        ABANDONED(job -> job.abandoned(START)),
        SUCCEEDED(job -> job.succeeded(OWNER, START)),
        FAILED_RETRYABLE(job -> job.failed(OWNER, BROKEN, START.plusSeconds(10), START)),
        FAILED_FOR_GOOD(job -> job.failed(OWNER, BROKEN, null, START)),
        POSTPONED(job -> job.postponed(OWNER, BROKEN, START.plusSeconds(90), START)),
        RETRIED(job -> job.retried(START)),
        CANCELLED(job -> job.cancelled(START)),
        PROGRESSED(job -> job.progressed(new JobProgress(1, 2, "page 1"), START)),
        CHECKPOINTED(job -> job.checkpointed("cursor-2", START));

        private final Consumer<Job> apply;

        Change(Consumer<Job> apply) {
            this.apply = apply;
        }
    }

    /** The state machine: the status each change leads to from each situation; "-" is refused. */
    static final String TABLE = """
            situation             | CLAIMED | LEASE_RENEWED | ABANDONED | SUCCEEDED | FAILED_RETRYABLE | FAILED_FOR_GOOD | POSTPONED | RETRIED | CANCELLED | PROGRESSED | CHECKPOINTED
            QUEUED                | RUNNING | -             | -         | -         | -                | -               | -         | -       | CANCELLED | -          | -
            RUNNING               | -       | RUNNING       | -         | SUCCEEDED | QUEUED           | FAILED          | QUEUED    | -       | -         | RUNNING    | RUNNING
            RUNNING_LEASE_EXPIRED | -       | RUNNING       | QUEUED    | SUCCEEDED | QUEUED           | FAILED          | QUEUED    | -       | -         | RUNNING    | RUNNING
            SUCCEEDED             | -       | -             | -         | -         | -                | -               | -         | -       | -         | -          | -
            FAILED                | -       | -             | -         | -         | -                | -               | -         | QUEUED  | -         | -          | -
            CANCELLED             | -       | -             | -         | -         | -                | -               | -         | -       | -         | -          | -
            """;

    static Stream<Arguments> stateMachine() {
        var rows = TABLE.lines().map(line -> line.split("\\|")).toList();
        var changes = Arrays.stream(rows.get(0)).skip(1).map(String::strip).toList();
        return rows.stream().skip(1).flatMap(row -> {
            var situation = Situation.valueOf(row[0].strip());
            return changes.stream().map(change -> {
                var cell = row[changes.indexOf(change) + 1].strip();
                return Arguments.of(
                        situation, Change.valueOf(change), cell.equals("-") ? null : JobStatus.valueOf(cell));
            });
        });
    }

    @Test
    void tableCoversEverySituationAndEveryChange() {
        var rows = TABLE.lines().toList();

        assertThat(rows).hasSize(Situation.values().length + 1);
        assertThat(stateMachine()).hasSize(Situation.values().length * Change.values().length);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("stateMachine")
    void changesLeadWhereTheTableSaysOrAreRefused(Situation situation, Change change, @Nullable JobStatus expected) {
        var job = situation.job();
        var before = job.status();

        if (expected == null) {
            assertThatThrownBy(() -> change.apply.accept(job))
                    .isInstanceOf(JobTransitionRefused.class)
                    .extracting(refused -> ((JobTransitionRefused) refused).status())
                    .isEqualTo(before);
            assertThat(job.status()).isEqualTo(before);
        } else {
            change.apply.accept(job);
            assertThat(job.status()).isEqualTo(expected);
        }
    }

    @Nested
    class WhenRunning {

        private final Job job = Situation.RUNNING.job();

        @Test
        void countsTheAttemptAndHoldsALease() {
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.lease()).contains(new Lease(OWNER, START.plus(LEASE)));
        }

        @Test
        void refusesResultsFromAWorkerWithoutTheLease() {
            assertThatThrownBy(() -> job.succeeded("node-b/9", START)).isInstanceOf(JobTransitionRefused.class);
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }

        @Test
        void successRegistersJobFinishedOnce() {
            job.succeeded(OWNER, START);

            assertThat(job.events())
                    .singleElement()
                    .isEqualTo(new JobFinished(
                            job.id(),
                            job.workspaceId(),
                            job.hubId().orElseThrow(),
                            "INVITE_USER",
                            "membership-1",
                            JobStatus.SUCCEEDED,
                            null,
                            START));
            assertThat(job.finishedAt()).contains(START);
            assertThat(job.lease()).isEmpty();
        }

        @Test
        void aRetryableFailureWaitsForTheRetryTimeAndKeepsTheFailure() {
            job.failed(OWNER, BROKEN, START.plusSeconds(10), START);

            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.nextAttemptAt()).isEqualTo(START.plusSeconds(10));
            assertThat(job.failure()).contains(BROKEN);
            assertThat(job.events()).isEmpty();
        }

        @Test
        void aRetryableFailureOnTheLastAttemptEndsTheJobFailed() {
            job.failed(OWNER, BROKEN, START.plusSeconds(10), START);
            job.claimed(OWNER, START.plus(LEASE), START.plusSeconds(10));
            job.failed(OWNER, BROKEN, START.plusSeconds(30), START.plusSeconds(10));
            job.claimed(OWNER, START.plus(LEASE), START.plusSeconds(30));

            job.failed(OWNER, BROKEN, START.plusSeconds(70), START.plusSeconds(30));

            assertThat(job.attempts()).isEqualTo(3);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.events())
                    .singleElement()
                    .extracting(event -> ((JobFinished) event).failure())
                    .isEqualTo(BROKEN);
        }

        @Test
        void aPostponementGivesTheAttemptBack() {
            job.postponed(OWNER, BROKEN, START.plusSeconds(90), START);

            assertThat(job.attempts()).isZero();
            assertThat(job.postponements()).isEqualTo(1);
            assertThat(job.nextAttemptAt()).isEqualTo(START.plusSeconds(90));
        }

        @Test
        void progressIsClearedByTheNextAttempt() {
            job.progressed(new JobProgress(3, 10, "page 3"), START);
            job.failed(OWNER, BROKEN, START, START);

            job.claimed(OWNER, START.plus(LEASE), START);

            assertThat(job.progress()).isEmpty();
        }

        @Test
        void aCheckpointOutlivesTheAttempt() {
            job.checkpointed("cursor-7", START);
            job.failed(OWNER, BROKEN, START, START);

            job.claimed(OWNER, START.plus(LEASE), START);

            assertThat(job.checkpoint()).contains("cursor-7");
        }
    }

    @Nested
    class WhenItsWorkerVanished {

        private final Job job = Situation.RUNNING_LEASE_EXPIRED.job();

        @Test
        void isDueAgainAtOnceWithTheLostAttemptCounted() {
            job.abandoned(START);

            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.nextAttemptAt()).isEqualTo(START);
            assertThat(job.failure()).map(JobFailure::code).contains("WORKER_LOST");
        }

        @Test
        void failsWhenThatWasItsLastAttempt() {
            for (int attempt = 2; attempt <= 3; attempt++) {
                job.abandoned(START);
                job.claimed(OWNER, START.minusSeconds(1), START);
            }

            job.abandoned(START);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.events())
                    .singleElement()
                    .extracting(event -> ((JobFinished) event).failure())
                    .extracting(JobFailure::code)
                    .isEqualTo("WORKER_LOST");
        }

        @Test
        void cannotBeAbandonedWhileItsLeaseLives() {
            var running = Situation.RUNNING.job();

            assertThatThrownBy(() -> running.abandoned(START)).isInstanceOf(JobTransitionRefused.class);
        }
    }

    @Nested
    class WhenFailed {

        private final Job job = Situation.FAILED.job();

        @Test
        void aRetryGivesItAFreshSetOfAttempts() {
            job.retried(START.plusSeconds(5));

            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.attempts()).isZero();
            assertThat(job.nextAttemptAt()).isEqualTo(START.plusSeconds(5));
            assertThat(job.finishedAt()).isEmpty();
        }
    }

    @Test
    void cancellingRegistersJobFinishedWithoutAFailure() {
        var job = Situation.QUEUED.job();

        job.cancelled(START);

        assertThat(job.events())
                .singleElement()
                .extracting(event -> ((JobFinished) event).status(), event -> ((JobFinished) event).failure())
                .containsExactly(JobStatus.CANCELLED, null);
    }

    @Test
    void aNewJobIsDueAtOnceWithNoAttemptMade() {
        var request = request();

        var job = Job.queued(new JobId(UUID.randomUUID()), request, 5, START);

        assertThat(List.of(job.status(), job.attempts(), job.maxAttempts(), job.nextAttemptAt()))
                .containsExactly(JobStatus.QUEUED, 0, 5, START);
        assertThat(job.idempotencyKey()).contains("invite:membership-1");
        assertThat(job.causedBy()).isEqualTo(JobRequest.SYSTEM);
    }

    static JobRequest request() {
        return JobRequest.of(new WorkspaceId(UUID.randomUUID()), "INVITE_USER", JobRequest.SYSTEM)
                .withHub(UUID.randomUUID())
                .withSubject("membership-1")
                .withIdempotencyKey("invite:membership-1");
    }
}
