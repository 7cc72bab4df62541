package io.hubwarden.automation;

import io.hubwarden.connector.HubFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs what a claim returned, a job alone or a batch: finds the handler, runs it outside any transaction, and records
 * each job's outcome.
 *
 * <p>This is the one place that catches every runtime exception: whatever a handler throws must end as the jobs'
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
        var owner = owner(job);
        var handler = handlers.forType(job.type());
        Outcome outcome;
        if (handler.isEmpty()) {
            outcome = noHandler(job);
        } else {
            outcome = attempt(handler.get(), new JobContext(job, owner, running), job);
        }
        running.record(job, owner, outcome);
    }

    /**
     * Runs a run that {@link JobClaims#claimRuns} returned, on the calling thread: a job alone as {@link #run(Job)}
     * does, a batch through its handler's {@link JobHandler#runBatch}, its successes recorded together.
     */
    void run(List<Job> run) {
        if (run.size() == 1) {
            run(run.get(0));
            return;
        }
        var first = run.get(0);
        var owner = owner(first);
        var handler = handlers.forType(first.type());
        if (handler.isEmpty()) {
            run.forEach(job -> running.record(job, owner, noHandler(job)));
            return;
        }
        var contexts =
                run.stream().map(job -> new JobContext(job, owner, running)).toList();
        Map<JobId, RuntimeException> failed;
        try {
            failed = handler.get().runBatch(contexts);
        } catch (RuntimeException failure) {
            logFailure(first.type() + " batch of " + run.size() + " jobs", failure);
            var outcome = Outcome.of(failure);
            run.forEach(job -> running.record(job, owner, outcome));
            return;
        }
        var succeeded = new ArrayList<Job>(run.size());
        for (var job : run) {
            var failure = failed.get(job.id());
            if (failure == null) {
                succeeded.add(job);
            } else {
                logFailure(job.toString(), failure);
                running.record(job, owner, Outcome.of(failure));
            }
        }
        running.succeeded(succeeded, owner);
    }

    private static String owner(Job job) {
        return job.lease()
                .orElseThrow(() -> new IllegalArgumentException(job + " was not claimed"))
                .owner();
    }

    /** Retried rather than failed: during a rolling upgrade another node may know the type. */
    private static Outcome noHandler(Job job) {
        return new Outcome.Failed(
                new JobFailure("NO_HANDLER", "No handler for job type " + job.type() + " on this server."), true);
    }

    private static Outcome attempt(JobHandler handler, JobContext context, Job job) {
        try {
            handler.run(context);
            return Outcome.SUCCEEDED;
        } catch (RuntimeException failure) {
            logFailure(job.toString(), failure);
            return Outcome.of(failure);
        }
    }

    private static void logFailure(String what, RuntimeException failure) {
        if (failure instanceof HubFailure) {
            log.info("{}: {}", what, failure.getMessage());
        } else {
            log.warn("{} failed unexpectedly", what, failure);
        }
    }
}
