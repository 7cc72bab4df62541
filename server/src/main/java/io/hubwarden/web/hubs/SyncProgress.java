package io.hubwarden.web.hubs;

import io.hubwarden.automation.Job;
import io.hubwarden.automation.JobFailure;
import io.hubwarden.automation.JobProgress;
import io.hubwarden.automation.JobStatus;
import org.jspecify.annotations.Nullable;

/**
 * Where a hub's latest SYNC job stands, as the hub page shows it.
 *
 * @param active whether it is queued or running, so that the page keeps asking
 * @param progress the step it reported last, while it runs
 * @param failure why its last attempt failed, if it did
 */
record SyncProgress(
        JobStatus status,
        boolean active,
        @Nullable JobProgress progress,
        @Nullable JobFailure failure) {

    static SyncProgress of(Job job) {
        var active = !job.status().finished();
        return new SyncProgress(
                job.status(),
                active,
                active ? job.progress().orElse(null) : null,
                job.status() == JobStatus.SUCCEEDED ? null : job.failure().orElse(null));
    }
}
