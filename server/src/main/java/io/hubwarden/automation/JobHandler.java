package io.hubwarden.automation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the jobs of one type. A module registers one bean per type it owns (the {@code hub} module registers
 * {@code SYNC}, the {@code access} module {@code INVITE_USER} …); the workers find it by {@link #type()}.
 *
 * <p>A handler runs outside any transaction, on a worker thread, possibly on another node than the one that enqueued
 * the job, and possibly more than once for the same job (a retry, or a take-over after a node stopped). So it must
 * be safe to repeat: re-read the state it acts on, and do nothing when the work is already done.
 *
 * <p>Returning normally ends the job SUCCEEDED. Throwing decides what happens next:
 *
 * <ul>
 *   <li>{@link io.hubwarden.connector.HubRateLimited}: the job and every other job of the hub wait for the time the
 *       hub asked for (or a back-off when it did not say); no attempt is counted, up to a limit;
 *   <li>{@link io.hubwarden.connector.HubAuthExpired}: the hub's jobs are paused (not failed) and
 *       {@link HubJobsPaused} is published;
 *   <li>{@link io.hubwarden.connector.HubRejected} and {@link io.hubwarden.connector.HubNotFound}: FAILED at once,
 *       with the hub's code and message;
 *   <li>{@link JobAborted}: FAILED at once, with the handler's code and message;
 *   <li>{@link io.hubwarden.connector.HubUnavailable} and any other exception: retried with back-off, FAILED after
 *       the last attempt.
 * </ul>
 */
public interface JobHandler {

    /** The job type this handler runs, such as {@code SYNC}; one handler per type in the application. */
    String type();

    /** Does the job's work. See the class comment for what returning and throwing mean. */
    void run(JobContext job);

    /**
     * How many of one hub's due jobs of this type one run may take together; 1, the default, runs each job alone. A
     * handler whose hub can be asked about several jobs in one call takes more and does them in {@link #runBatch}.
     * A batch counts once among the hub's jobs running at once, as a job alone does: it is one worker calling the hub.
     */
    default int batchSize() {
        return 1;
    }

    /**
     * Does the work of several jobs of one hub, each as {@link #run} would, under the same rules. Returns what each job
     * that failed would have thrown alone; every other job succeeded. Throwing ends every job of the batch as that
     * failure would end each. The default runs one job after another.
     */
    default Map<JobId, RuntimeException> runBatch(List<JobContext> jobs) {
        Map<JobId, RuntimeException> failed = new HashMap<>();
        for (var job : jobs) {
            try {
                run(job);
            } catch (RuntimeException failure) {
                failed.put(job.id(), failure);
            }
        }
        return failed;
    }
}
