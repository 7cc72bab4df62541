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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * or already running as many jobs as it may. A queued job whose handler takes several at once ({@link
 * JobHandler#batchSize}) is claimed with the next due jobs of its hub and type, under one lease owner for them all:
 * such a batch is one run, and counts once among the hub's jobs running at once.
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
                group by hub_id having count(distinct lease_owner) >= :perHub))
            """;

    /** Jobs whose worker stopped: RUNNING under an expired lease. Few, so they go first. */
    private static final String ABANDONED_JOBS = """
            select id, workspace_id, hub_id, type from job
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
            select id, workspace_id, hub_id, type from job
            where id in (:ids) and status = 'QUEUED' and next_attempt_at <= :now
            order by next_attempt_at
            limit :limit
            for update skip locked
            """;

    /** On PostgreSQL, the oldest due jobs, locked: it reads them in the {@code job_due} index's order. */
    private static final String LOCK_DUE = """
            select id, workspace_id, hub_id, type from job
            where status = 'QUEUED' and next_attempt_at <= :now
            %s
            order by status, next_attempt_at
            limit :limit
            for update skip locked
            """.formatted(NOT_HELD);

    /**
     * On PostgreSQL, the next due jobs of a hub and type to run with one claimed already, locked; read in the {@code
     * job_by_hub} index's order.
     */
    private static final String LOCK_MATES = """
            select id from job
            where hub_id = :hub and status = 'QUEUED' and next_attempt_at <= :now and type = :type
              and id not in (:taken)
            order by hub_id, status, next_attempt_at
            limit :limit
            for update skip locked
            """;

    /** On H2, a window of a hub's due jobs of a type, read without locking, as {@link #DUE_WINDOW} is. */
    private static final String MATES_WINDOW = """
            select id from job
            where hub_id = :hub and status = 'QUEUED' and next_attempt_at <= :now and type = :type
            order by hub_id, status, next_attempt_at
            limit :window
            """;

    /** The window's jobs that are still due, oldest first, less those this claim has taken. */
    private static final String LOCK_MATES_WINDOW = """
            select id from job
            where id in (:ids) and status = 'QUEUED' and next_attempt_at <= :now and id not in (:taken)
            order by next_attempt_at
            limit :limit
            for update skip locked
            """;

    /** Every column of a job, as {@link Job}'s persistence constructor takes them. */
    private static final String COLUMNS = """
            id, workspace_id, type, hub_id, subject, payload, caused_by, trigger, idempotency_key, max_attempts,
            created_at, status, attempts, postponements, next_attempt_at, lease_owner, lease_until,
            failure_code, failure_message, progress_done, progress_total, progress_label, checkpoint,
            updated_at, finished_at, version
            """;

    /**
     * What {@link Job#claimed} does to each of the queued jobs, as one {@code UPDATE} of the rows this transaction has
     * locked, under the lease owner {@code %s} names. Each run's lease owner is unique: this claim's own id followed by
     * the id of the job alone, or of the batch's first job. The rows are named by id alone, since this transaction
     * locked them queued: with their status in the condition too, PostgreSQL without fresh statistics walks every
     * queued job of the {@code job_due} index and filters them by id.
     */
    private static final String START = """
            update job set status = 'RUNNING', attempts = attempts + 1,
                lease_owner = %s, lease_until = :leaseUntil,
                progress_done = null, progress_total = null, progress_label = null,
                updated_at = :now, version = version + 1
            where id in (:ids)
            """;

    /** Jobs that run alone: each under a lease owner of its own. */
    private static final String START_ALONE = START.formatted(":claim || cast(id as varchar(36))");

    /** A batch: every job under the batch's lease owner. */
    private static final String START_TOGETHER = START.formatted(":owner");

    /** The jobs just started, read after a start on H2. */
    private static final String STARTED = "select " + COLUMNS + " from job where id in (:ids)";

    /** What PostgreSQL returns of the jobs a start updated. */
    private static final String RETURNING = " returning " + COLUMNS;

    /** How many times the wanted number of jobs the window of due jobs holds. */
    private static final int WINDOW = 4;

    private final JdbcClient jdbc;
    private final Database database;
    private final JobStore store;
    private final JobHandlers handlers;
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
            JobHandlers handlers,
            HubLimits limits,
            AutomationSettings settings,
            Ids ids,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.database = database;
        this.store = store;
        this.handlers = handlers;
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
     * A taken-over job that had no attempt left is ended FAILED instead of being returned. Jobs claimed as a batch are
     * returned too, beyond the limit; {@link #claimRuns} tells them apart.
     */
    List<Job> claim(int limit) {
        return claimRuns(limit).stream().flatMap(List::stream).toList();
    }

    /**
     * Claims up to {@code limit} runs in one transaction: due jobs each with the jobs claimed together with it as a
     * batch, the job first, or alone. Every job of a run is RUNNING under the run's lease owner.
     */
    List<List<Job>> claimRuns(int limit) {
        if (limit < 1) {
            return List.of();
        }
        var claimed = transaction.execute(status -> claimNow(limit));
        return claimed == null ? List.of() : claimed;
    }

    private List<List<Job>> claimNow(int limit) {
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
        var claim = node + "/" + ids.next() + "/";
        var abandoned = new ArrayList<JobId>();
        var alone = new ArrayList<JobId>();
        var batches = new ArrayList<List<JobId>>();
        var taken = new ArrayList<>(accepted);
        for (var candidate : candidates) {
            if (!accepted.contains(candidate.id())) {
                continue;
            }
            int size = candidate.hubId() == null ? 1 : handlers.batchSize(candidate.type());
            if (candidate.abandoned()) {
                abandoned.add(candidate.id());
            } else if (size == 1) {
                alone.add(candidate.id());
            } else {
                var batch = new ArrayList<JobId>(size);
                batch.add(candidate.id());
                batch.addAll(mates(candidate, size - 1, taken, now));
                taken.addAll(batch.subList(1, batch.size()));
                batches.add(batch);
            }
        }
        var runs = new ArrayList<List<Job>>();
        takeOver(abandoned, leaseUntil, now).forEach(job -> runs.add(List.of(job)));
        if (!alone.isEmpty()) {
            start(START_ALONE, alone, Map.of("claim", claim), leaseUntil, now).forEach(job -> runs.add(List.of(job)));
        }
        for (var batch : batches) {
            var jobs = start(
                    START_TOGETHER, batch, Map.of("owner", claim + batch.get(0).value()), leaseUntil, now);
            runs.add(inOrder(batch, jobs));
        }
        return runs;
    }

    /**
     * Up to {@code limit} more due jobs of the candidate's hub and type, oldest first, locked, none of those this claim
     * has taken already: on PostgreSQL with one statement, on H2 within a window read first.
     */
    private List<JobId> mates(Candidate leader, int limit, List<JobId> taken, Instant now) {
        var takenIds = taken.stream().map(JobId::value).toList();
        List<UUID> found;
        if (database.postgres()) {
            found = jdbc.sql(LOCK_MATES)
                    .param("hub", leader.hubId())
                    .param("type", leader.type())
                    .param("now", HubLimits.at(now))
                    .param("taken", takenIds)
                    .param("limit", limit)
                    .query(UUID.class)
                    .list();
        } else {
            var window = jdbc.sql(MATES_WINDOW)
                    .param("hub", leader.hubId())
                    .param("type", leader.type())
                    .param("now", HubLimits.at(now))
                    .param("window", limit + taken.size())
                    .query(UUID.class)
                    .list();
            found = window.isEmpty()
                    ? List.of()
                    : jdbc.sql(LOCK_MATES_WINDOW)
                            .param("ids", window)
                            .param("now", HubLimits.at(now))
                            .param("taken", takenIds)
                            .param("limit", limit)
                            .query(UUID.class)
                            .list();
        }
        return found.stream().map(JobId::new).toList();
    }

    /** The started jobs in the order of their ids. */
    private static List<Job> inOrder(List<JobId> order, List<Job> jobs) {
        Map<JobId, Job> byId = new HashMap<>();
        jobs.forEach(job -> byId.put(job.id(), job));
        return order.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Starts the queued jobs this transaction has locked, as one statement rather than a save of each aggregate, and
     * returns them read straight from their columns: mapping each through Spring Data JDBC cost more than the rest of
     * the claim, and most claims start one job for one free worker. PostgreSQL returns them from the {@code UPDATE};
     * H2 reads them after it.
     */
    private List<Job> start(
            String statement, List<JobId> queued, Map<String, String> owner, Instant leaseUntil, Instant now) {
        var jobIds = queued.stream().map(JobId::value).toList();
        var start = jdbc.sql(database.postgres() ? statement + RETURNING : statement)
                .params(owner)
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
                        row.getString("type"),
                        abandoned))
                .list();
    }

    private record Candidate(
            JobId id, WorkspaceId workspaceId, @Nullable UUID hubId, String type, boolean abandoned) {}
}
