package io.hubwarden.simulator.meta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Counts Graph calls per app and per business object in hourly windows of simulated time, as Meta's rate limits do,
 * and reports the share of the limit used in {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}. A call that
 * finds a share at 100 % is throttled (code 4 for the app, 80004 for a business object) until the window ends.
 */
final class UsageMeter {

    private final Clock clock;
    private final long limit;
    private final ConcurrentHashMap<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private volatile Instant window = Instant.EPOCH;

    UsageMeter(Clock clock, long callsPerHour) {
        this.clock = clock;
        this.limit = callsPerHour;
    }

    /** Usage as one call sees it, after counting it. */
    record Usage(int appPercent, @Nullable String businessKey, int businessPercent, int minutesToRegain) {

        boolean appThrottled() {
            return appPercent >= 100;
        }

        boolean businessThrottled() {
            return businessKey != null && businessPercent >= 100;
        }

        String appHeader() {
            return "{\"call_count\":" + appPercent + ",\"total_cputime\":" + Math.min(100, appPercent / 2)
                    + ",\"total_time\":" + Math.min(100, appPercent / 2) + "}";
        }

        String businessHeader(String key, int minutes) {
            return "{\"" + key + "\":[{\"type\":\"ads_management\",\"call_count\":" + businessPercent
                    + ",\"total_cputime\":" + Math.min(100, businessPercent / 2) + ",\"total_time\":"
                    + Math.min(100, businessPercent / 2) + ",\"estimated_time_to_regain_access\":" + minutes + "}]}";
        }
    }

    /** Counts one call of the app on the business object (null when the call names none). */
    Usage count(String appId, @Nullable String businessKey) {
        Instant now = clock.instant();
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        if (!current.equals(window)) {
            synchronized (this) {
                if (!current.equals(window)) {
                    calls.clear();
                    window = current;
                }
            }
        }
        int minutes = (int) Math.max(
                1, Duration.between(now, current.plus(Duration.ofHours(1))).toMinutes());
        int app = percent(
                calls.computeIfAbsent("app:" + appId, key -> new AtomicLong()).incrementAndGet());
        int business = businessKey == null
                ? 0
                : percent(calls.computeIfAbsent("business:" + businessKey, key -> new AtomicLong())
                        .incrementAndGet());
        return new Usage(app, businessKey, business, minutes);
    }

    void reset() {
        calls.clear();
    }

    private int percent(long count) {
        return (int) Math.min(100, (count - 1) * 100 / limit);
    }
}
