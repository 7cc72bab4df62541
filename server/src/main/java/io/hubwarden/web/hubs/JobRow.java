package io.hubwarden.web.hubs;

import io.hubwarden.automation.Job;
import io.hubwarden.automation.JobStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One job as the Jobs page shows it; moments already in words.
 *
 * @param next when a queued job runs next, else empty
 * @param progress done, total and label of a running job's progress, else {@code null}
 */
record JobRow(
        String id,
        String type,
        JobStatus status,
        String trigger,
        String subject,
        int attempts,
        int maxAttempts,
        String next,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        String created,
        String finished,
        @Nullable Progress progress) {

    /**
     * The row of a job.
     *
     * @param subjects what the hub's job subjects (membership and hub account ids) stand for, in words
     */
    static JobRow of(Job job, Map<String, String> subjects) {
        var failure = job.failure().orElse(null);
        // A finished job keeps its last progress report; only a running one shows it.
        var progress = job.progress()
                .filter(reported -> job.status() == JobStatus.RUNNING)
                .map(reported -> new Progress(reported.done(), reported.total(), reported.label()))
                .orElse(null);
        return new JobRow(
                job.id().toString(),
                job.type(),
                job.status(),
                job.trigger().orElse(""),
                job.subject()
                        .map(subject -> subjects.getOrDefault(subject, subject))
                        .orElse(""),
                job.attempts(),
                job.maxAttempts(),
                job.status() == JobStatus.QUEUED ? Times.text(job.nextAttemptAt()) : "",
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message(),
                Times.text(job.createdAt()),
                Times.text(job.finishedAt().orElse(null)),
                progress);
    }

    /** Whether a person may put the job back in the queue. */
    public boolean retryable() {
        return status == JobStatus.FAILED;
    }

    /** A running job's progress as its handler last reported it. */
    record Progress(int done, int total, String label) {}
}
