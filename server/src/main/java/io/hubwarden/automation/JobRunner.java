package io.hubwarden.automation;

import io.hubwarden.connector.HubFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed job: finds its handler, runs it outside any transaction, and records the outcome.
 *
 * <p>This is the one place that catches every runtime exception: whatever a handler throws must end as the job's
 * outcome rather than kill the worker thread.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobHandlers handlers;
    private final RunningJobs running;

    JobRunner(JobHandlers handlers, RunningJobs running) {
        this.handlers = handlers;
        this.running = running;
    }

    /** Runs a job that {@link JobClaims#claim} returned, on the calling thread. */
    void run(Job job) {
        var owner = job.lease()
                .orElseThrow(() -> new IllegalArgumentException(job + " was not claimed"))
                .owner();
        var handler = handlers.forType(job.type());
        Outcome outcome;
        if (handler.isEmpty()) {
            // Retried rather than failed: during a rolling upgrade another node may know the type.
            outcome = new Outcome.Failed(
                    new JobFailure("NO_HANDLER", "No handler for job type " + job.type() + " on this server."), true);
        } else {
            outcome = attempt(handler.get(), new JobContext(job, owner, running), job);
        }
        running.record(job, owner, outcome);
    }

    private static Outcome attempt(JobHandler handler, JobContext context, Job job) {
        try {
            handler.run(context);
            return Outcome.SUCCEEDED;
        } catch (HubFailure failure) {
            log.info("{}: {}", job, failure.getMessage());
            return Outcome.of(failure);
        } catch (RuntimeException failure) {
            log.warn("{} failed unexpectedly", job, failure);
            return Outcome.of(failure);
        }
    }
}
