package io.hubwarden.automation;

/** No job has this id in the workspace that asked; a job of another workspace is not found either. */
public final class JobNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final JobId jobId;

    JobNotFound(JobId jobId) {
        super("no job " + jobId + " in this workspace");
        this.jobId = jobId;
    }

    public JobId jobId() {
        return jobId;
    }
}
