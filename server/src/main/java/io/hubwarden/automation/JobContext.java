package io.hubwarden.automation;

import io.hubwarden.workspace.WorkspaceId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The job a {@link JobHandler} runs, as it was when this attempt started, and the means to report progress and save
 * a checkpoint. Progress and checkpoints are committed at once, so people see them while the job runs and a later
 * attempt resumes from the checkpoint.
 */
public final class JobContext {

    private final Job job;
    private final String leaseOwner;
    private final RunningJobs running;
    private @Nullable String checkpoint;

    JobContext(Job job, String leaseOwner, RunningJobs running) {
        this.job = job;
        this.leaseOwner = leaseOwner;
        this.running = running;
        this.checkpoint = job.checkpoint().orElse(null);
    }

    public JobId id() {
        return job.id();
    }

    public WorkspaceId workspaceId() {
        return job.workspaceId();
    }

    public String type() {
        return job.type();
    }

    /** The hub the job calls; empty for a workspace-level job. */
    public Optional<UUID> hubId() {
        return job.hubId();
    }

    public Optional<String> subject() {
        return job.subject();
    }

    public Optional<String> payload() {
        return job.payload();
    }

    /** A person id, {@link JobRequest#SCHEDULE} or {@link JobRequest#SYSTEM}. */
    public String causedBy() {
        return job.causedBy();
    }

    /** This attempt's number, from 1. */
    public int attempt() {
        return job.attempts();
    }

    /** Whether this is the job's last attempt: a failure now ends it FAILED. */
    public boolean lastAttempt() {
        return job.attempts() >= job.maxAttempts();
    }

    /** Where to resume, as saved by this or an earlier attempt; empty when the job starts from the beginning. */
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /**
     * Reports how far the job has come; committed at once.
     *
     * @throws IllegalArgumentException when {@code done} is not between 0 and {@code total}
     */
    public void progress(int done, int total, String label) {
        running.progressed(job.id(), leaseOwner, new JobProgress(done, total, label));
    }

    /**
     * Reports how far the job has come and saves where a later attempt should resume, in one write; committed at
     * once.
     *
     * @param resumeFrom at most 2000 characters the handler understands
     * @throws IllegalArgumentException when {@code done} is not between 0 and {@code total}
     */
    public void progress(int done, int total, String label, String resumeFrom) {
        running.progressedTo(job.id(), leaseOwner, new JobProgress(done, total, label), resumeFrom);
        checkpoint = resumeFrom;
    }

    /**
     * Saves where a later attempt should resume, such as the cursor of the next page; committed at once.
     *
     * @param resumeFrom at most 2000 characters the handler understands
     */
    public void checkpoint(String resumeFrom) {
        running.checkpointed(job.id(), leaseOwner, resumeFrom);
        checkpoint = resumeFrom;
    }
}
