package io.hubwarden.automation;

import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automation module's entry point: enqueue jobs, look at them, retry or cancel them, report progress, and pause
 * or resume a hub's jobs. Every method joins the caller's transaction when there is one.
 */
@Service
public class Jobs {

    /** Idempotency keys looked up per query: within what both databases take as parameters of one statement. */
    private static final int KEYS_PER_QUERY = 1_000;

    /** A new queued job: no lease, failure, progress, checkpoint or end yet; its first version, as Spring Data's. */
    private static final String INSERT_QUEUED = """
            insert into job (id, workspace_id, type, hub_id, subject, payload, caused_by, trigger, idempotency_key,
                             max_attempts, created_at, status, attempts, postponements, next_attempt_at,
                             lease_owner, lease_until, failure_code, failure_message,
                             progress_done, progress_total, progress_label, checkpoint, updated_at, finished_at,
                             version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null, null, null, null, null, ?,
                    null, 1)
            """;

    private final JobStore store;
    private final HubLimits limits;
    private final RunningJobs running;
    private final JobWorker worker;
    private final AutomationSettings settings;
    private final Ids ids;
    private final QueueClock clock;
    private final TransactionTemplate savepoint;
    private final JdbcTemplate jdbc;

    @SuppressWarnings("TooManyParameters") // the module's entry point
    Jobs(
            JobStore store,
            HubLimits limits,
            RunningJobs running,
            JobWorker worker,
            AutomationSettings settings,
            Ids ids,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
        this.limits = limits;
        this.running = running;
        this.worker = worker;
        this.settings = settings;
        this.ids = ids;
        this.clock = new QueueClock(clock);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Enqueues a job, due at once, in the caller's transaction: the job exists exactly when the caller's change
     * commits. After the commit, this node's worker is woken.
     *
     * <p>Idempotent by the request's key: when the workspace already has a job with the same idempotency key, in
     * whatever status, that job is returned and nothing is enqueued, even when two transactions race with the same
     * key. So a listener replayed after a crash, or a repeated click, does not duplicate work.
     *
     * @return the new job, or the existing job with the same idempotency key
     */
    @Transactional
    public Job enqueue(JobRequest request) {
        var key = request.idempotencyKey();
        if (key != null) {
            var existing = store.findByWorkspaceIdAndIdempotencyKey(
                    request.workspaceId().value(), key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        var now = clock.now();
        var job = Job.queued(new JobId(ids.next()), request, settings.retry().maxAttempts(), now);
        try {
            // A savepoint, so that losing a race on the key leaves the caller's transaction usable (PostgreSQL
            // aborts a whole transaction on a failed statement otherwise).
            savepoint.executeWithoutResult(status -> store.save(job));
        } catch (DuplicateKeyException raced) {
            if (key == null) {
                throw raced;
            }
            return store.findByWorkspaceIdAndIdempotencyKey(
                            request.workspaceId().value(), key)
                    .orElseThrow(() -> raced);
        }
        var hub = request.hubId();
        if (hub != null) {
            limits.open(hub, request.workspaceId(), now);
        }
        wakeWorkerAfterCommit();
        return job;
    }

    /**
     * Enqueues many jobs at once, as {@link #enqueue} does each of them, with a few statements however many there
     * are: the taken idempotency keys are looked up together and the new jobs inserted in one batch. Requests with a
     * key that is taken, or that an earlier request of the list takes, get that job. When another transaction takes
     * a key meanwhile, the requests are enqueued one by one instead.
     *
     * @return the job of each request, in the order of the requests
     */
    @Transactional
    public List<Job> enqueueAll(List<JobRequest> requests) {
        if (requests.size() == 1) {
            return List.of(enqueue(requests.get(0)));
        }
        var existing = existingByKey(requests);
        var now = clock.now();
        var jobs = new ArrayList<Job>(requests.size());
        var inserted = new ArrayList<Job>();
        for (var request : requests) {
            var key = keyOf(request.workspaceId(), request.idempotencyKey());
            var job = key == null ? null : existing.get(key);
            if (job == null) {
                job = Job.queued(
                        new JobId(ids.next()), request, settings.retry().maxAttempts(), now);
                inserted.add(job);
                if (key != null) {
                    existing.put(key, job);
                }
            }
            jobs.add(job);
        }
        if (inserted.isEmpty()) {
            return jobs;
        }
        try {
            savepoint.executeWithoutResult(status -> insertQueued(inserted));
        } catch (DuplicateKeyException raced) {
            return requests.stream().map(this::enqueue).toList();
        }
        var hubs = new LinkedHashMap<UUID, WorkspaceId>();
        inserted.forEach(job -> job.hubId().ifPresent(hub -> hubs.putIfAbsent(hub, job.workspaceId())));
        hubs.forEach((hub, workspace) -> limits.open(hub, workspace, now));
        wakeWorkerAfterCommit();
        return jobs;
    }

    /**
     * Inserts new queued jobs as one JDBC batch, as {@code store.saveAll} would, without mapping each job through
     * Spring Data JDBC: for a share with ten thousand people that mapping cost more than the statements. The columns
     * a queued job leaves empty are written as nulls in the statement itself.
     */
    private void insertQueued(List<Job> queued) {
        jdbc.batchUpdate(INSERT_QUEUED, queued, queued.size(), (statement, job) -> {
            var now = HubLimits.at(job.createdAt());
            statement.setObject(1, job.id().value());
            statement.setObject(2, job.workspaceId().value());
            statement.setString(3, job.type());
            var hub = job.hubId().orElse(null);
            if (hub == null) {
                statement.setNull(4, Types.OTHER);
            } else {
                statement.setObject(4, hub);
            }
            setText(statement, 5, job.subject().orElse(null));
            setText(statement, 6, job.payload().orElse(null));
            statement.setString(7, job.causedBy());
            setText(statement, 8, job.trigger().orElse(null));
            setText(statement, 9, job.idempotencyKey().orElse(null));
            statement.setInt(10, job.maxAttempts());
            statement.setObject(11, now);
            statement.setString(12, job.status().name());
            statement.setInt(13, job.attempts());
            statement.setInt(14, job.postponements());
            statement.setObject(15, HubLimits.at(job.nextAttemptAt()));
            statement.setObject(16, HubLimits.at(job.updatedAt()));
        });
        queued.forEach(Job::inserted);
    }

    private static void setText(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** The jobs that already hold the requests' idempotency keys, by workspace and key. */
    private Map<TakenKey, Job> existingByKey(List<JobRequest> requests) {
        var keys = new LinkedHashMap<WorkspaceId, Set<String>>();
        for (var request : requests) {
            var key = request.idempotencyKey();
            if (key != null) {
                keys.computeIfAbsent(request.workspaceId(), workspace -> new LinkedHashSet<>())
                        .add(key);
            }
        }
        var existing = new HashMap<TakenKey, Job>();
        keys.forEach((workspace, taken) -> {
            var all = List.copyOf(taken);
            for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
                var chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
                for (var job : store.findByWorkspaceIdAndIdempotencyKeyIn(workspace.value(), chunk)) {
                    existing.put(keyOf(workspace, job.idempotencyKey().orElseThrow()), job);
                }
            }
        });
        return existing;
    }

    private static @Nullable TakenKey keyOf(WorkspaceId workspace, @Nullable String idempotencyKey) {
        return idempotencyKey == null ? null : new TakenKey(workspace, idempotencyKey);
    }

    /** Idempotency keys are unique per workspace. */
    private record TakenKey(WorkspaceId workspace, String idempotencyKey) {}

    /**
     * Puts a FAILED job back in the queue with a fresh set of attempts, as a person asked.
     *
     * @throws JobNotFound when the workspace has no such job
     * @throws JobTransitionRefused when the job has not failed
     */
    @Transactional
    public Job retry(WorkspaceId workspaceId, JobId id) {
        var job = lockedJob(workspaceId, id);
        job.retried(clock.now());
        store.save(job);
        wakeWorkerAfterCommit();
        return job;
    }

    /**
     * Cancels a job that has not started; publishes {@link JobFinished} with status CANCELLED.
     *
     * @throws JobNotFound when the workspace has no such job
     * @throws JobTransitionRefused when the job is running or has finished
     */
    @Transactional
    public Job cancel(WorkspaceId workspaceId, JobId id) {
        var job = lockedJob(workspaceId, id);
        job.cancelled(clock.now());
        return store.save(job);
    }

    /**
     * A page of the workspace's jobs, newest first unless the page asks for another order.
     *
     * @param hubId only the jobs of this hub, or {@code null} for all of the workspace's jobs
     */
    @Transactional(readOnly = true)
    public Page<Job> jobsOf(WorkspaceId workspaceId, @Nullable UUID hubId, Pageable page) {
        var sorted = page.getSort().isSorted() || page.isUnpaged()
                ? page
                : PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.desc("createdAt")));
        return hubId == null
                ? store.findByWorkspaceId(workspaceId.value(), sorted)
                : store.findByWorkspaceIdAndHubId(workspaceId.value(), hubId, sorted);
    }

    /** The job, if the workspace has it; a job of another workspace is never returned. */
    @Transactional(readOnly = true)
    public Optional<Job> job(WorkspaceId workspaceId, JobId id) {
        return store.findByIdAndWorkspaceId(id, workspaceId.value());
    }

    /**
     * Reports how far a running job has come, committed at once; handlers normally use {@link JobContext#progress}.
     *
     * @throws JobNotFound when there is no such job
     * @throws JobTransitionRefused when the job is not running
     */
    @Transactional
    public void progress(JobId id, int done, int total, String label) {
        running.progressed(id, new JobProgress(done, total, label));
    }

    /**
     * Pauses the hub's jobs: the queued ones, and any enqueued later, wait until {@link #resume}; running ones
     * finish. Publishes no event: the caller knows why it paused.
     *
     * @return whether the hub's jobs were running before (false when already paused)
     */
    @Transactional
    public boolean pause(WorkspaceId workspaceId, UUID hubId, String reason) {
        return limits.pause(hubId, workspaceId, reason, clock.now());
    }

    /**
     * Lets the hub's paused jobs run again, for instance once the hub is connected again after
     * {@link HubJobsPaused}. The jobs run as they were; none lost an attempt to the pause.
     *
     * @return whether the hub's jobs were paused
     */
    @Transactional
    public boolean resume(WorkspaceId workspaceId, UUID hubId) {
        var resumed = limits.resume(hubId, workspaceId, clock.now());
        if (resumed) {
            wakeWorkerAfterCommit();
        }
        return resumed;
    }

    /** What holds the hub's jobs back: a pause, a rate-limit wait, or nothing. */
    @Transactional(readOnly = true)
    public HubQueue hubQueue(WorkspaceId workspaceId, UUID hubId) {
        return limits.state(hubId, workspaceId).orElseGet(() -> new HubQueue(hubId, false, null, null));
    }

    private Job lockedJob(WorkspaceId workspaceId, JobId id) {
        return store.findLockedById(id)
                .filter(job -> job.workspaceId().equals(workspaceId))
                .orElseThrow(() -> new JobNotFound(id));
    }

    private void wakeWorkerAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            worker.wakeUp();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wakeUp();
            }
        });
    }
}
