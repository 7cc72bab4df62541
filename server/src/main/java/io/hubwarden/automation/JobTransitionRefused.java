package io.hubwarden.automation;

/**
 * A job was asked for a change its status does not allow, such as retrying a job that has not failed or cancelling
 * one that is already running. Nothing was changed.
 */
public final class JobTransitionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final JobId jobId;
    private final JobStatus status;

    JobTransitionRefused(JobId jobId, JobStatus status, String change) {
        super("job " + jobId + " cannot be " + change + " while " + status);
        this.jobId = jobId;
        this.status = status;
    }

    public JobId jobId() {
        return jobId;
    }

    /** The status that refused the change. */
    public JobStatus status() {
        return status;
    }
}
