package io.hubwarden.automation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's worker: a poller that claims due jobs while a worker thread is free, a fixed pool of worker threads
 * that run them (each a job alone or a batch of one hub's jobs), and a heartbeat that renews the leases of the jobs
 * running here. Nothing is held only in memory:
 * a job claimed by a node that stops is taken over by another once its lease expires.
 *
 * <p>Its tasks catch every runtime exception, because a scheduled task that throws is silently never run again and a
 * node would stop taking jobs; a failed claim or renewal is logged and tried again at the next tick.
 *
 * <p>The poller looks for jobs every poll interval, at once when a job is enqueued on this node (after the commit),
 * and whenever a job here finishes. On shutdown it stops claiming, lets running jobs finish for the grace period,
 * then interrupts them. With {@code hubwarden.automation.enabled=false} nothing starts, and {@link #runDueJobs()}
 * drives the queue by hand.
 */
@Component
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobClaims claims;
    private final JobRunner runner;
    private final RunningJobs running;
    private final JobHandlers handlers;
    private final AutomationSettings settings;
    private final Semaphore freeWorkers;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final Map<JobId, String> leasesHere = new ConcurrentHashMap<>();

    private volatile boolean started;
    private volatile @Nullable ScheduledExecutorService poller;
    private volatile @Nullable ExecutorService workers;

    JobWorker(
            JobClaims claims,
            JobRunner runner,
            RunningJobs running,
            JobHandlers handlers,
            AutomationSettings settings) {
        this.claims = claims;
        this.runner = runner;
        this.running = running;
        this.handlers = handlers;
        this.settings = settings;
        this.freeWorkers = new Semaphore(settings.workers());
    }

    /**
     * Claims the jobs due now, as many runs as this node has workers, and runs them one after another on the calling
     * thread. For tests and tools that drive the queue themselves.
     *
     * @return how many jobs were run, those of batches each counted
     */
    int runDueJobs() {
        int ran = 0;
        for (var run : claims.claimRuns(settings.workers())) {
            runner.run(run);
            ran += run.size();
        }
        return ran;
    }

    /** Makes the poller look for due jobs now rather than at its next tick; a no-op while stopped. */
    void wakeUp() {
        var current = poller;
        if (!started || current == null || !wakeUpPending.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(this::poll);
        } catch (RejectedExecutionException stopping) {
            wakeUpPending.set(false);
        }
    }

    @Override
    public synchronized void start() {
        log.info("Job handlers for types {}", handlers.types());
        if (!settings.enabled() || started) {
            return;
        }
        var pool = Executors.newFixedThreadPool(settings.workers(), threads("hubwarden-job-"));
        var ticker = Executors.newSingleThreadScheduledExecutor(threads("hubwarden-job-poller-"));
        workers = pool;
        poller = ticker;
        started = true;
        long poll = settings.pollInterval().toMillis();
        long heartbeat = Math.max(1, settings.lease().toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::renewLeases, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        log.info("Job worker started: {} workers, polling every {} ms", settings.workers(), poll);
    }

    @Override
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        var pool = workers;
        var ticker = poller;
        if (pool != null) {
            pool.shutdown();
            if (!awaitQuietly(pool, settings.shutdownGrace().toMillis())) {
                log.warn("Interrupting {} jobs still running after the shutdown grace period", leasesHere.size());
                pool.shutdownNow();
                awaitQuietly(pool, 5_000);
            }
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        log.info("Job worker stopped");
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    private void poll() {
        wakeUpPending.set(false);
        var pool = workers;
        int free = freeWorkers.availablePermits();
        if (!started || pool == null || free == 0) {
            return;
        }
        List<List<Job>> due;
        try {
            due = claims.claimRuns(free);
        } catch (RuntimeException failure) {
            // A scheduled task that throws is never run again: the poller must outlive any failure.
            log.warn("Could not claim jobs; trying again at the next poll", failure);
            return;
        }
        for (var run : due) {
            freeWorkers.acquireUninterruptibly();
            run.forEach(job -> job.lease().ifPresent(lease -> leasesHere.put(job.id(), lease.owner())));
            try {
                pool.execute(() -> runClaimed(run));
            } catch (RejectedExecutionException stopping) {
                // Shutting down: the jobs keep their lease and are taken over once it expires.
                run.forEach(job -> leasesHere.remove(job.id()));
                freeWorkers.release();
            }
        }
    }

    private void runClaimed(List<Job> run) {
        try {
            runner.run(run);
        } catch (RuntimeException failure) {
            log.warn(
                    "Could not record the outcome of {}; it is taken over when its lease expires",
                    run.size() == 1 ? run.get(0) : run.size() + " jobs of a batch",
                    failure);
        } finally {
            run.forEach(job -> leasesHere.remove(job.id()));
            freeWorkers.release();
            wakeUp();
        }
    }

    /** One statement per run: the jobs of a batch share their lease owner. */
    private void renewLeases() {
        Map<String, List<JobId>> byOwner = new HashMap<>();
        leasesHere.forEach((job, owner) ->
                byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(job));
        byOwner.forEach((owner, jobs) -> {
            try {
                int renewed = running.renewed(owner, jobs);
                // A run that ended meanwhile has nothing left to renew.
                long stillHere = jobs.stream().filter(leasesHere::containsKey).count();
                if (renewed < stillHere) {
                    log.warn("{} of {} jobs running here lost their lease", stillHere - renewed, stillHere);
                }
            } catch (RuntimeException failure) {
                log.warn("Could not renew the leases of {} jobs", jobs.size(), failure);
            }
        });
    }

    private static boolean awaitQuietly(ExecutorService pool, long millis) {
        try {
            return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory threads(String prefix) {
        var count = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
