package io.hubwarden.automation;

/** Where a {@link Job} stands. SUCCEEDED, FAILED and CANCELLED are end states; only a person's retry leaves FAILED. */
public enum JobStatus {
    /** Waiting for its next attempt time, for a free worker, and for its hub to be neither paused nor rate-limited. */
    QUEUED,
    /** A worker holds the job's lease and runs its handler. */
    RUNNING,
    SUCCEEDED,
    /** Ended without success; the job's failure says why. */
    FAILED,
    CANCELLED;

    /** Whether the job has ended in this status. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
