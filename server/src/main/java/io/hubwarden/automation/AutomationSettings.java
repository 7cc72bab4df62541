package io.hubwarden.automation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hubwarden.automation}; every one has a default, and an invalid value stops the start.
 *
 * @param enabled whether this node runs a worker; tests turn it off and drive the worker by hand
 * @param workers how many jobs (or batches of jobs) this node runs at once
 * @param pollInterval how often an idle worker looks for due jobs; a job enqueued on this node wakes it at once
 * @param lease how long a claim holds without renewal; the worker renews it while the handler runs, so a job is taken
 *     over by another node only after its own node has stopped for this long
 * @param hubConcurrency how many jobs of one hub run at once across all nodes; a batch of jobs taken together counts
 *     once, as it is one worker calling the hub
 * @param shutdownGrace how long a stopping node waits for running jobs before interrupting them
 * @param retry when and how often failed attempts are retried
 */
@ConfigurationProperties("hubwarden.automation")
record AutomationSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int workers,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("4") int hubConcurrency,
        @DefaultValue("30s") Duration shutdownGrace,
        @DefaultValue Retry retry) {

    AutomationSettings {
        require(workers >= 1 && workers <= 256, "workers must be between 1 and 256");
        require(pollInterval.compareTo(Duration.ofMillis(10)) >= 0, "poll-interval must be at least 10ms");
        require(lease.compareTo(Duration.ofSeconds(1)) >= 0, "lease must be at least 1s");
        require(hubConcurrency >= 1, "hub-concurrency must be at least 1");
        require(!shutdownGrace.isNegative(), "shutdown-grace cannot be negative");
    }

    /**
     * Exponential back-off between attempts: the n-th retry waits {@code base × 2^(n-1)}, at most {@code cap}, less a
     * random part of up to {@code jitter} of it, so that jobs failed together do not return together.
     *
     * @param maxAttempts attempts before a job is FAILED, the first one included
     * @param maxPostponements how often a job may wait for a rate-limited hub without counting an attempt; after that
     *     every further rate limit counts as a failed attempt
     */
    record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("10s") Duration base,
            @DefaultValue("15m") Duration cap,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("20") int maxPostponements) {

        Retry {
            require(maxAttempts >= 1 && maxAttempts <= 100, "retry.max-attempts must be between 1 and 100");
            require(!base.isNegative() && !base.isZero(), "retry.base must be positive");
            require(cap.compareTo(base) >= 0, "retry.cap must be at least retry.base");
            require(jitter >= 0 && jitter <= 1, "retry.jitter must be between 0 and 1");
            require(maxPostponements >= 0, "retry.max-postponements cannot be negative");
        }
    }

    private static void require(boolean valid, String problem) {
        if (!valid) {
            throw new IllegalArgumentException("hubwarden.automation." + problem);
        }
    }
}
