package io.hubwarden.automation;

import io.hubwarden.platform.Database;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.WorkspaceId;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due jobs for a worker, safely with any number of nodes on one database. Due are RUNNING jobs whose lease
 * expired (their worker stopped) and QUEUED jobs whose time has come, except those of a hub that is paused, throttled
 * or already running as many jobs as it may.
 *
 * <p>{@code FOR UPDATE SKIP LOCKED} lets concurrent claimers pass over each other's rows instead of waiting for them
 * or taking them twice. The per-hub concurrency limit is then made exact by locking each candidate hub's bucket, in
 * hub id order so that two claimers cannot deadlock, and counting its running jobs under that lock. H2 locks every
 * row an ordered query reads rather than the few it returns, so there queued jobs are locked only within a small
 * window of the oldest due ones; a concurrent claimer on the same H2 database may still come back empty-handed until
 * the claim commits. PostgreSQL locks only the rows it returns: it locks the oldest due jobs with one statement, and
 * starts them with one that returns them.
 */
@Component
class JobClaims {

    /**
     * Leaves out the jobs of hubs none of whose jobs may start now: paused, throttled, or running as many jobs as
     * allowed. A condition of each query that looks for jobs, rather than a statement of its own before them.
     */
    private static final String NOT_HELD = """
            and (hub_id is null or hub_id not in (
                select hub_id from hub_rate_limit where paused or not_before > :now
                union
                select hub_id from job where status = 'RUNNING' and lease_until > :now and hub_id is not null
                group by hub_id having count(*) >= :perHub))
            """;

    /** Jobs whose worker stopped: RUNNING under an expired lease. Few, so they go first. */
    private static final String ABANDONED_JOBS = """
            select id, workspace_id, hub_id from job
            where status = 'RUNNING' and lease_until <= :now
            %s
            order by lease_until
            limit :limit
            for update skip locked
            """.formatted(NOT_HELD);

    /**
     * Queued jobs whose time has come, oldest due first: a window of a few more than wanted, read without locking
     * anything. Only the window's rows are then locked ({@link #LOCK_WINDOW}): H2 would otherwise lock every queued row
     * it reads to order them, which makes each claim as slow as the queue is long. The order names the status too,
     * though it is one value here, because H2 reads rows in the order of the {@code job_due} index, and stops at the
     * window, only when the order by starts with the index's columns; ordered by the time alone it read every queued
     * job.
     */
    private static final String DUE_WINDOW = """
            select id from job
            where status = 'QUEUED' and next_attempt_at <= :now
            %s
            order by status, next_attempt_at
            limit :window
            """.formatted(NOT_HELD);

    /** The window's jobs that are still due, oldest first; claimers racing for a window skip each other's rows. */
    private static final String LOCK_WINDOW = """
            select id, workspace_id, hub_id from job
            where id in (:ids) and status = 'QUEUED' and next_attempt_at <= :now
            order by next_attempt_at
            limit :limit
            for update skip locked
            """;

    /** On PostgreSQL, the oldest due jobs, locked: it reads them in the {@code job_due} index's order. */
    private static final String LOCK_DUE = """
            select id, workspace_id, hub_id from job
            where status = 'QUEUED' and next_attempt_at <= :now
            %s
            order by status, next_attempt_at
            limit :limit
            for update skip locked
            """.formatted(NOT_HELD);

    /** Every column of a job, as {@link Job}'s persistence constructor takes them. */
    private static final String COLUMNS = """
            id, workspace_id, type, hub_id, subject, payload, caused_by, trigger, idempotency_key, max_attempts,
            created_at, status, attempts, postponements, next_attempt_at, lease_owner, lease_until,
            failure_code, failure_message, progress_done, progress_total, progress_label, checkpoint,
            updated_at, finished_at, version
            """;

    /**
     * What {@link Job#claimed} does to each of the queued jobs, as one {@code UPDATE} of the rows this transaction has
     * locked. Each lease owner is unique: this claim's own id followed by the job's id.
     */
    private static final String START = """
            update job set status = 'RUNNING', attempts = attempts + 1,
                lease_owner = :claim || cast(id as varchar(36)), lease_until = :leaseUntil,
                progress_done = null, progress_total = null, progress_label = null,
                updated_at = :now, version = version + 1
            where id in (:ids) and status = 'QUEUED'
            """;

    /** The jobs just started, read after {@link #START} on H2. */
    private static final String STARTED = "select " + COLUMNS + " from job where id in (:ids)";

    /** {@link #START} on PostgreSQL, which returns the jobs it started. */
    private static final String START_RETURNING = START + " returning " + COLUMNS;

    /** How many times the wanted number of jobs the window of due jobs holds. */
    private static final int WINDOW = 4;

    private final JdbcClient jdbc;
    private final Database database;
    private final JobStore store;
    private final HubLimits limits;
    private final AutomationSettings settings;
    private final Ids ids;
    private final QueueClock clock;
    private final TransactionTemplate transaction;
    private final String node;

    @SuppressWarnings("TooManyParameters") // the claim's collaborators
    JobClaims(
            JdbcClient jdbc,
            Database database,
            JobStore store,
            HubLimits limits,
            AutomationSettings settings,
            Ids ids,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.database = database;
        this.store = store;
        this.limits = limits;
        this.settings = settings;
        this.ids = ids;
        this.clock = new QueueClock(clock);
        this.transaction = new TransactionTemplate(transactions);
        var name = ManagementFactory.getRuntimeMXBean().getName();
        this.node = name.length() > 100 ? name.substring(0, 100) : name;
    }

    /**
     * Claims up to {@code limit} due jobs in one transaction and returns them RUNNING, each under a lease of its own.
     * A taken-over job that had no attempt left is ended FAILED instead of being returned.
     */
    List<Job> claim(int limit) {
        if (limit < 1) {
            return List.of();
        }
        var claimed = transaction.execute(status -> claimNow(limit));
        return claimed == null ? List.of() : claimed;
    }

    private List<Job> claimNow(int limit) {
        var now = clock.now();
        var candidates = new ArrayList<>(abandoned(limit, now));
        if (candidates.size() < limit) {
            candidates.addAll(due(limit - candidates.size(), now));
        }
        var accepted = new HashSet<JobId>();
        Map<UUID, List<Candidate>> byHub = new TreeMap<>();
        for (var candidate : candidates) {
            if (candidate.hubId() == null) {
                accepted.add(candidate.id());
            } else {
                byHub.computeIfAbsent(candidate.hubId(), hub -> new ArrayList<>())
                        .add(candidate);
            }
        }
        byHub.forEach((hub, jobs) -> {
            int room = limits.room(hub, jobs.get(0).workspaceId(), settings.hubConcurrency(), now);
            jobs.stream().limit(room).forEach(job -> accepted.add(job.id()));
        });
        if (accepted.isEmpty()) {
            return List.of();
        }
        var leaseUntil = now.plus(settings.lease());
        var queued = new ArrayList<JobId>();
        var taken = new ArrayList<JobId>();
        for (var candidate : candidates) {
            if (accepted.contains(candidate.id())) {
                (candidate.abandoned() ? taken : queued).add(candidate.id());
            }
        }
        var claimed = new ArrayList<Job>(takeOver(taken, leaseUntil, now));
        if (!queued.isEmpty()) {
            claimed.addAll(start(queued, leaseUntil, now));
        }
        return claimed;
    }

    /**
     * Starts the queued jobs this transaction has locked, as one statement rather than a save of each aggregate, and
     * returns them read straight from their columns: mapping each through Spring Data JDBC cost more than the rest of
     * the claim, and most claims start one job for one free worker. PostgreSQL returns them from the {@code UPDATE};
     * H2 reads them after it.
     */
    private List<Job> start(List<JobId> queued, Instant leaseUntil, Instant now) {
        var jobIds = queued.stream().map(JobId::value).toList();
        var start = jdbc.sql(database.postgres() ? START_RETURNING : START)
                .param("claim", node + "/" + ids.next() + "/")
                .param("leaseUntil", HubLimits.at(leaseUntil))
                .param("now", HubLimits.at(now))
                .param("ids", jobIds);
        if (database.postgres()) {
            return start.query((row, number) -> job(row)).list();
        }
        start.update();
        return jdbc.sql(STARTED)
                .param("ids", jobIds)
                .query((row, number) -> job(row))
                .list();
    }

    private static Job job(ResultSet row) throws SQLException {
        var leaseOwner = row.getString("lease_owner");
        var leaseUntil = instant(row, "lease_until");
        var failureCode = row.getString("failure_code");
        var failureMessage = row.getString("failure_message");
        var progressLabel = row.getString("progress_label");
        var progressDone = row.getObject("progress_done", Integer.class);
        var progressTotal = row.getObject("progress_total", Integer.class);
        return new Job(
                new JobId(row.getObject("id", UUID.class)),
                row.getObject("workspace_id", UUID.class),
                row.getString("type"),
                row.getObject("hub_id", UUID.class),
                row.getString("subject"),
                row.getString("payload"),
                row.getString("caused_by"),
                row.getString("trigger"),
                row.getString("idempotency_key"),
                row.getInt("max_attempts"),
                requireInstant(row, "created_at"),
                JobStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getInt("postponements"),
                requireInstant(row, "next_attempt_at"),
                leaseOwner == null || leaseUntil == null ? null : new Lease(leaseOwner, leaseUntil),
                failureCode == null || failureMessage == null ? null : new JobFailure(failureCode, failureMessage),
                progressDone == null || progressTotal == null || progressLabel == null
                        ? null
                        : new JobProgress(progressDone, progressTotal, progressLabel),
                row.getString("checkpoint"),
                requireInstant(row, "updated_at"),
                instant(row, "finished_at"),
                row.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant requireInstant(ResultSet row, String column) throws SQLException {
        var value = instant(row, column);
        if (value == null) {
            throw new SQLException("job." + column + " is null");
        }
        return value;
    }

    /** Jobs whose worker stopped: few, so each goes through the aggregate, which may end it for want of attempts. */
    private List<Job> takeOver(List<JobId> abandoned, Instant leaseUntil, Instant now) {
        if (abandoned.isEmpty()) {
            return List.of();
        }
        var jobs = store.findAllById(abandoned);
        var claimed = new ArrayList<Job>();
        for (var job : jobs) {
            if (job.status() == JobStatus.RUNNING) {
                job.abandoned(now);
            }
            if (job.status() == JobStatus.QUEUED) {
                job.claimed(node + "/" + ids.next(), leaseUntil, now);
                claimed.add(job);
            }
        }
        store.saveAll(jobs);
        return claimed;
    }

    /** The oldest due queued jobs, locked: on PostgreSQL with one statement, on H2 within a window read first. */
    private List<Candidate> due(int limit, Instant now) {
        if (database.postgres()) {
            return candidates(jdbc.sql(LOCK_DUE), limit, now, false);
        }
        var window = jdbc.sql(DUE_WINDOW)
                .param("now", HubLimits.at(now))
                .param("perHub", settings.hubConcurrency())
                .param("window", limit * WINDOW)
                .query(UUID.class)
                .list();
        if (window.isEmpty()) {
            return List.of();
        }
        return candidates(jdbc.sql(LOCK_WINDOW).param("ids", window), limit, now, false);
    }

    private List<Candidate> abandoned(int limit, Instant now) {
        return candidates(jdbc.sql(ABANDONED_JOBS), limit, now, true);
    }

    private List<Candidate> candidates(JdbcClient.StatementSpec query, int limit, Instant now, boolean abandoned) {
        return query.param("now", HubLimits.at(now))
                .param("perHub", settings.hubConcurrency())
                .param("limit", limit)
                .query((row, number) -> new Candidate(
                        new JobId(row.getObject("id", UUID.class)),
                        new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                        row.getObject("hub_id", UUID.class),
                        abandoned))
                .list();
    }

    private record Candidate(
            JobId id, WorkspaceId workspaceId, @Nullable UUID hubId, boolean abandoned) {}
}
