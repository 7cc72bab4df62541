package io.hubwarden.automation;

import io.hubwarden.platform.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to jobs while they run, each in a transaction of its own with the job's row locked: progress, checkpoints,
 * lease renewals and, at the end of an attempt, its outcome with what it means for the job and for its hub.
 *
 * <p>Progress and checkpoints come with every page a job reads (a sync of 100 000 people reads thousands), so they
 * are one conditional {@code UPDATE} of the lease holder's running job rather than a locked read and a save of the
 * whole job. Only when that updates nothing is the job read, to refuse the change with the reason.
 */
@Component
class RunningJobs {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    /** The job is running and the worker holds its lease, as {@link Job#heldBy(String)} says. */
    private static final String HELD = " where id = :id and status = 'RUNNING' and lease_owner = :owner";

    /** What {@link Job#succeeded} sets. */
    private static final String SUCCEEDED = "status = 'SUCCEEDED', lease_owner = null, lease_until = null,"
            + " failure_code = null, failure_message = null, finished_at = :now, updated_at = :now,"
            + " version = version + 1";

    private final JobStore store;
    private final HubLimits limits;
    private final Backoff backoff;
    private final AutomationSettings settings;
    private final QueueClock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Database database;

    @SuppressWarnings("TooManyParameters") // the collaborators of a running job
    RunningJobs(
            JobStore store,
            HubLimits limits,
            Backoff backoff,
            AutomationSettings settings,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            Database database) {
        this.store = store;
        this.limits = limits;
        this.backoff = backoff;
        this.settings = settings;
        this.clock = new QueueClock(clock);
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Progress reported by the lease holder; refused when the worker has lost its lease. */
    void progressed(JobId id, String leaseOwner, JobProgress progress) {
        updateHeld(
                id,
                leaseOwner,
                "progress_done = :done, progress_total = :total, progress_label = :label",
                progressValues(progress),
                "given progress",
                job -> job.progressed(progress, clock.now()));
    }

    /** Progress and where to resume, in one write: a step of a job that saves both after each step. */
    void progressedTo(JobId id, String leaseOwner, JobProgress progress, String resumeFrom) {
        Job.requireCheckpoint(resumeFrom);
        var values = new HashMap<>(progressValues(progress));
        values.put("checkpoint", resumeFrom);
        updateHeld(
                id,
                leaseOwner,
                "progress_done = :done, progress_total = :total, progress_label = :label, checkpoint = :checkpoint",
                values,
                "given progress",
                job -> {
                    job.progressed(progress, clock.now());
                    job.checkpointed(resumeFrom, clock.now());
                });
    }

    /** Progress reported through the API, by whoever runs the job. */
    void progressed(JobId id, JobProgress progress) {
        change(id, job -> job.progressed(progress, clock.now()));
    }

    void checkpointed(JobId id, String leaseOwner, String resumeFrom) {
        Job.requireCheckpoint(resumeFrom);
        updateHeld(
                id,
                leaseOwner,
                "checkpoint = :checkpoint",
                Map.of("checkpoint", resumeFrom),
                "checkpointed",
                job -> job.checkpointed(resumeFrom, clock.now()));
    }

    /**
     * Sets {@code assignments} on the job with one conditional {@code UPDATE} while the worker holds its lease. When
     * that updates nothing, the job is read and locked: {@code change} is refused with the reason, or, should the
     * lease still be held, made through the aggregate.
     */
    private void updateHeld(
            JobId id,
            String leaseOwner,
            String assignments,
            Map<String, ?> values,
            String change,
            Consumer<Job> orThroughTheJob) {
        int updated = jdbc.sql("update job set " + assignments + ", updated_at = :now, version = version + 1" + HELD)
                .params(values)
                .param("now", HubLimits.at(clock.now()))
                .param("id", id.value())
                .param("owner", leaseOwner)
                .update();
        if (updated == 0) {
            change(id, job -> {
                requireLease(job, leaseOwner, change);
                orThroughTheJob.accept(job);
            });
        }
    }

    private static Map<String, Object> progressValues(JobProgress progress) {
        return Map.of("done", progress.done(), "total", progress.total(), "label", progress.label());
    }

    /**
     * Extends the leases of a run's jobs by the configured lease time, as {@link Job#leaseRenewed} does, in one
     * conditional {@code UPDATE} of those the worker still holds; how many it still holds.
     */
    int renewed(String leaseOwner, Collection<JobId> jobs) {
        if (jobs.isEmpty()) {
            return 0;
        }
        var now = clock.now();
        Integer renewed = transaction.execute(status -> jdbc.sql(
                        "update job set lease_until = :until, updated_at = :now,"
                                + " version = version + 1 where id in (:ids) and status = 'RUNNING' and lease_owner = :owner")
                .param("until", HubLimits.at(now.plus(settings.lease())))
                .param("now", HubLimits.at(now))
                .param("ids", jobs.stream().map(JobId::value).toList())
                .param("owner", leaseOwner)
                .update());
        return renewed == null ? 0 : renewed;
    }

    /**
     * Records how an attempt ended. An outcome from a worker that lost its lease is dropped: the job has been taken
     * over, and the new attempt's outcome is the one that counts.
     */
    void record(Job claimed, String leaseOwner, Outcome outcome) {
        if (outcome instanceof Outcome.Succeeded && succeeded(claimed, leaseOwner)) {
            return;
        }
        var id = claimed.id();
        transaction.executeWithoutResult(status -> {
            var found = store.findLockedById(id);
            if (found.isEmpty() || !found.get().heldBy(leaseOwner)) {
                log.warn("Dropped the outcome of job {}: its worker no longer holds the lease", id);
                return;
            }
            var job = found.get();
            apply(job, leaseOwner, outcome, clock.now());
            store.save(job);
        });
    }

    /**
     * The usual ending, as what {@link Job#succeeded} does in one conditional {@code UPDATE} of the lease holder's
     * running job rather than a locked read and a save of the whole job; publishes the {@link JobFinished} that the
     * aggregate would register. False when the worker no longer holds the lease.
     */
    private boolean succeeded(Job job, String leaseOwner) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var now = clock.now();
            int updated = jdbc.sql("update job set " + SUCCEEDED + HELD)
                    .param("now", HubLimits.at(now))
                    .param("id", job.id().value())
                    .param("owner", leaseOwner)
                    .update();
            if (updated == 0) {
                return false;
            }
            events.publishEvent(finished(job, now));
            return true;
        }));
    }

    /**
     * The successes of a batch, as {@link #succeeded(Job, String)} records each, in one transaction: the jobs the
     * worker still holds are ended with one statement, which PostgreSQL returns; H2 locks and reads them first. A job
     * the worker no longer holds is left to its new worker, as alone.
     */
    void succeeded(List<Job> jobs, String leaseOwner) {
        if (jobs.isEmpty()) {
            return;
        }
        var ids = jobs.stream().map(job -> job.id().value()).toList();
        transaction.executeWithoutResult(status -> {
            var now = clock.now();
            Set<UUID> held;
            if (database.postgres()) {
                held = new HashSet<>(jdbc.sql("update job set " + SUCCEEDED
                                + " where id in (:ids) and status = 'RUNNING' and lease_owner = :owner returning id")
                        .param("now", HubLimits.at(now))
                        .param("ids", ids)
                        .param("owner", leaseOwner)
                        .query(UUID.class)
                        .list());
            } else {
                held = new HashSet<>(jdbc.sql("select id from job where id in (:ids) and status = 'RUNNING'"
                                + " and lease_owner = :owner for update")
                        .param("ids", ids)
                        .param("owner", leaseOwner)
                        .query(UUID.class)
                        .list());
                if (!held.isEmpty()) {
                    jdbc.sql("update job set " + SUCCEEDED + " where id in (:ids)")
                            .param("now", HubLimits.at(now))
                            .param("ids", List.copyOf(held))
                            .update();
                }
            }
            for (var job : jobs) {
                if (held.contains(job.id().value())) {
                    events.publishEvent(finished(job, now));
                } else {
                    log.warn("Dropped the success of job {}: its worker no longer holds the lease", job.id());
                }
            }
        });
    }

    private static JobFinished finished(Job job, Instant now) {
        return new JobFinished(
                job.id(),
                job.workspaceId(),
                job.hubId().orElse(null),
                job.type(),
                job.subject().orElse(null),
                JobStatus.SUCCEEDED,
                null,
                now);
    }

    private void apply(Job job, String owner, Outcome outcome, Instant now) {
        if (outcome instanceof Outcome.Failed failed) {
            var retryAt = failed.retryable() ? now.plus(backoff.before(job.attempts())) : null;
            job.failed(owner, failed.failure(), retryAt, now);
        } else if (outcome instanceof Outcome.RateLimited limited) {
            rateLimited(job, owner, limited, now);
        } else if (outcome instanceof Outcome.AuthExpired expired) {
            authExpired(job, owner, expired, now);
        } else {
            job.succeeded(owner, now);
        }
    }

    private void rateLimited(Job job, String owner, Outcome.RateLimited limited, Instant now) {
        var wait = limited.retryAfter() != null ? limited.retryAfter() : backoff.before(job.postponements() + 1);
        var until = now.plus(wait);
        job.hubId().ifPresent(hub -> limits.throttle(hub, job.workspaceId(), until, now));
        if (job.postponements() < settings.retry().maxPostponements()) {
            job.postponed(owner, limited.failure(), until, now);
        } else {
            job.failed(owner, limited.failure(), until, now);
        }
    }

    private void authExpired(Job job, String owner, Outcome.AuthExpired expired, Instant now) {
        var hub = job.hubId();
        if (hub.isEmpty()) {
            // A workspace-level job has no hub to pause: the credentials it used are beyond what retrying can fix.
            job.failed(owner, expired.failure(), null, now);
            return;
        }
        job.postponed(owner, expired.failure(), now, now);
        var reason = expired.failure().message();
        if (limits.pause(hub.get(), job.workspaceId(), reason, now)) {
            events.publishEvent(new HubJobsPaused(job.workspaceId(), hub.get(), job.id(), reason, now));
        }
    }

    private void change(JobId id, Consumer<Job> change) {
        transaction.executeWithoutResult(status -> {
            var job = store.findLockedById(id).orElseThrow(() -> new JobNotFound(id));
            change.accept(job);
            store.save(job);
        });
    }

    private static void requireLease(Job job, String leaseOwner, String change) {
        if (!job.heldBy(leaseOwner)) {
            throw new JobTransitionRefused(job.id(), job.status(), change + " by a worker that lost its lease");
        }
    }
}
