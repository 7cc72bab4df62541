package io.hubwarden.automation;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long a job waits before its next retry: exponential growth, a cap, and jitter from an injected source. */
final class Backoff {

    private final AutomationSettings.Retry retry;
    private final RandomGenerator random;

    Backoff(AutomationSettings.Retry retry, RandomGenerator random) {
        this.retry = retry;
        this.random = random;
    }

    /**
     * The wait before retry number {@code retryNumber} (1 for the first retry): {@code base × 2^(retryNumber-1)},
     * capped, then shortened by a random fraction of at most {@code jitter}.
     */
    Duration before(int retryNumber) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retries are counted from 1");
        }
        long base = retry.base().toMillis();
        long cap = retry.cap().toMillis();
        int doublings = retryNumber - 1;
        long full = doublings >= Long.numberOfLeadingZeros(base) - 1 ? cap : Math.min(cap, base << doublings);
        long cut = (long) (full * retry.jitter() * random.nextDouble());
        return Duration.ofMillis(full - cut);
    }
}
