package io.hubwarden.automation;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A unit of automated work on a hub or a workspace, run by the {@link JobHandler} of its type, retried until it
 * succeeds or runs out of attempts.
 *
 * <p>The transitions are package-private and check the status they start from (a {@link JobTransitionRefused}
 * otherwise):
 *
 * <pre>
 * QUEUED  --claimed--> RUNNING --succeeded--> SUCCEEDED
 * QUEUED  --cancelled--> CANCELLED
 * RUNNING --failed, attempts left and retryable--> QUEUED (at the retry time)
 * RUNNING --failed otherwise--> FAILED
 * RUNNING --postponed (rate limit, paused hub)--> QUEUED, the attempt not counted
 * RUNNING, lease expired --abandoned--> QUEUED, or FAILED (WORKER_LOST) when no attempt is left
 * FAILED  --retried--> QUEUED with a fresh set of attempts
 * </pre>
 *
 * Results (succeeded, failed, postponed) are accepted only from the lease owner, so a worker that lost its lease
 * cannot overwrite the work of the worker that took the job over. Every end state registers a {@link JobFinished}.
 */
@Table
public class Job {

    @Id
    private final JobId id;

    private final UUID workspaceId;
    private final String type;
    private final @Nullable UUID hubId;
    private final @Nullable String subject;
    private final @Nullable String payload;
    private final String causedBy;
    private final @Nullable String trigger;
    private final @Nullable String idempotencyKey;
    private final int maxAttempts;
    private final Instant createdAt;

    private JobStatus status;
    private int attempts;
    private int postponements;
    private Instant nextAttemptAt;

    @Embedded.Nullable(prefix = "lease_")
    private @Nullable Lease lease;

    @Embedded.Nullable(prefix = "failure_")
    private @Nullable JobFailure failure;

    @Embedded.Nullable(prefix = "progress_")
    private @Nullable JobProgress progress;

    private @Nullable String checkpoint;
    private Instant updatedAt;
    private @Nullable Instant finishedAt;

    @Version
    private long version;

    @Transient
    private final List<Object> events = new ArrayList<>();

    /** One parameter per column: Spring Data JDBC loads the aggregate through this constructor. */
    @PersistenceCreator
    Job(
            JobId id,
            UUID workspaceId,
            String type,
            @Nullable UUID hubId,
            @Nullable String subject,
            @Nullable String payload,
            String causedBy,
            @Nullable String trigger,
            @Nullable String idempotencyKey,
            int maxAttempts,
            Instant createdAt,
            JobStatus status,
            int attempts,
            int postponements,
            Instant nextAttemptAt,
            @Nullable Lease lease,
            @Nullable JobFailure failure,
            @Nullable JobProgress progress,
            @Nullable String checkpoint,
            Instant updatedAt,
            @Nullable Instant finishedAt,
            long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.type = type;
        this.hubId = hubId;
        this.subject = subject;
        this.payload = payload;
        this.causedBy = causedBy;
        this.trigger = trigger;
        this.idempotencyKey = idempotencyKey;
        this.maxAttempts = maxAttempts;
        this.createdAt = createdAt;
        this.status = status;
        this.attempts = attempts;
        this.postponements = postponements;
        this.nextAttemptAt = nextAttemptAt;
        this.lease = lease;
        this.failure = failure;
        this.progress = progress;
        this.checkpoint = checkpoint;
        this.updatedAt = updatedAt;
        this.finishedAt = finishedAt;
        this.version = version;
    }

    /** A new job, due at once. */
    static Job queued(JobId id, JobRequest request, int maxAttempts, Instant now) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a job needs at least one attempt");
        }
        return new Job(
                id,
                request.workspaceId().value(),
                request.type(),
                request.hubId(),
                request.subject(),
                request.payload(),
                request.causedBy(),
                request.trigger(),
                request.idempotencyKey(),
                maxAttempts,
                now,
                JobStatus.QUEUED,
                0,
                0,
                now,
                null,
                null,
                null,
                null,
                now,
                null,
                0);
    }

    /** The job was inserted with its first version, as Spring Data JDBC inserts a primitive version. */
    void inserted() {
        version = 1;
    }

    /** A worker starts an attempt: the job is RUNNING under a lease until {@code leaseUntil}. */
    void claimed(String leaseOwner, Instant leaseUntil, Instant now) {
        requireStatus(JobStatus.QUEUED, "claimed");
        attempts++;
        status = JobStatus.RUNNING;
        lease = new Lease(leaseOwner, leaseUntil);
        progress = null;
        updatedAt = now;
    }

    /** The lease holder extends its lease, for a job that runs long. */
    void leaseRenewed(String leaseOwner, Instant leaseUntil, Instant now) {
        requireLeaseHeldBy(leaseOwner, "renewed");
        lease = new Lease(leaseOwner, leaseUntil);
        updatedAt = now;
    }

    /**
     * The worker holding the lease vanished (the lease expired while RUNNING). The attempt it made counts; the job is
     * due again at once, or FAILED when that was its last attempt.
     */
    void abandoned(Instant now) {
        var current = lease;
        if (status != JobStatus.RUNNING || current == null || !current.expiredAt(now)) {
            throw new JobTransitionRefused(id(), status, "abandoned with a live lease");
        }
        failure = new JobFailure("WORKER_LOST", "The server running this job stopped before the job finished.");
        lease = null;
        if (attempts < maxAttempts) {
            status = JobStatus.QUEUED;
            nextAttemptAt = now;
            updatedAt = now;
        } else {
            finish(JobStatus.FAILED, now);
        }
    }

    void succeeded(String leaseOwner, Instant now) {
        requireLeaseHeldBy(leaseOwner, "succeeded");
        failure = null;
        finish(JobStatus.SUCCEEDED, now);
    }

    /**
     * The attempt failed. The job is QUEUED again at {@code retryAt} when a retry is wanted and an attempt is left,
     * else FAILED.
     *
     * @param retryAt when to try again, or {@code null} when retrying cannot help
     */
    void failed(String leaseOwner, JobFailure cause, @Nullable Instant retryAt, Instant now) {
        requireLeaseHeldBy(leaseOwner, "failed");
        failure = cause;
        if (retryAt != null && attempts < maxAttempts) {
            requeue(retryAt, now);
        } else {
            finish(JobStatus.FAILED, now);
        }
    }

    /**
     * The attempt could not proceed for a reason outside the job (the hub throttled it, or its credentials expired):
     * the attempt is given back and the job waits until {@code until}.
     */
    void postponed(String leaseOwner, JobFailure cause, Instant until, Instant now) {
        requireLeaseHeldBy(leaseOwner, "postponed");
        failure = cause;
        attempts--;
        postponements++;
        requeue(until, now);
    }

    /** A person asks for a FAILED job to run again, with all its attempts. */
    void retried(Instant now) {
        requireStatus(JobStatus.FAILED, "retried");
        attempts = 0;
        postponements = 0;
        finishedAt = null;
        requeue(now, now);
    }

    void cancelled(Instant now) {
        requireStatus(JobStatus.QUEUED, "cancelled");
        finish(JobStatus.CANCELLED, now);
    }

    void progressed(JobProgress reported, Instant now) {
        requireStatus(JobStatus.RUNNING, "given progress");
        progress = reported;
        updatedAt = now;
    }

    /** The handler saved where to resume, such as a page cursor, so that a later attempt need not start over. */
    void checkpointed(String resumeFrom, Instant now) {
        requireStatus(JobStatus.RUNNING, "checkpointed");
        requireCheckpoint(resumeFrom);
        checkpoint = resumeFrom;
        updatedAt = now;
    }

    /** A checkpoint fits its column: at most 2000 characters. */
    static void requireCheckpoint(String resumeFrom) {
        if (resumeFrom.length() > 2000) {
            throw new IllegalArgumentException("a checkpoint is at most 2000 characters");
        }
    }

    /** Whether the given worker still holds this job's lease. */
    boolean heldBy(String leaseOwner) {
        var current = lease;
        return status == JobStatus.RUNNING && current != null && current.owner().equals(leaseOwner);
    }

    private void requeue(Instant at, Instant now) {
        status = JobStatus.QUEUED;
        lease = null;
        nextAttemptAt = at;
        updatedAt = now;
    }

    private void finish(JobStatus end, Instant now) {
        status = end;
        lease = null;
        finishedAt = now;
        updatedAt = now;
        events.add(new JobFinished(
                id, workspaceId(), hubId, type, subject, end, end == JobStatus.FAILED ? failure : null, now));
    }

    private void requireStatus(JobStatus expected, String change) {
        if (status != expected) {
            throw new JobTransitionRefused(id(), status, change);
        }
    }

    private void requireLeaseHeldBy(String leaseOwner, String change) {
        if (!heldBy(leaseOwner)) {
            throw new JobTransitionRefused(id(), status, change + " by a worker without its lease");
        }
    }

    @DomainEvents
    List<Object> events() {
        return List.copyOf(events);
    }

    @AfterDomainEventPublication
    void eventsPublished() {
        events.clear();
    }

    public JobId id() {
        return id;
    }

    public WorkspaceId workspaceId() {
        return new WorkspaceId(workspaceId);
    }

    public String type() {
        return type;
    }

    /** The hub the job calls; empty for a workspace-level job. */
    public Optional<UUID> hubId() {
        return Optional.ofNullable(hubId);
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<String> payload() {
        return Optional.ofNullable(payload);
    }

    /** A person id, {@link JobRequest#SCHEDULE} or {@link JobRequest#SYSTEM}. */
    public String causedBy() {
        return causedBy;
    }

    public Optional<String> trigger() {
        return Optional.ofNullable(trigger);
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public JobStatus status() {
        return status;
    }

    /** Attempts made so far, the running one included; postponed attempts are not counted. */
    public int attempts() {
        return attempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** How often the job had to wait for its hub (rate limits, expired credentials). */
    public int postponements() {
        return postponements;
    }

    /** When a QUEUED job may run next; its hub's pause or rate limit may hold it back longer. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Why the latest attempt failed; kept while the job waits for its retry, cleared when it succeeds. */
    public Optional<JobFailure> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<JobProgress> progress() {
        return Optional.ofNullable(progress);
    }

    /** Where the handler asked to resume from, saved by an earlier attempt. */
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    Optional<Lease> lease() {
        return Optional.ofNullable(lease);
    }

    @Override
    public String toString() {
        return "Job[" + type + " " + id + " " + status + ", attempt " + attempts + "/" + maxAttempts + "]";
    }
}
