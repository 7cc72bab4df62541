package io.hubwarden;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: it follows the system clock plus whatever the tests added, so expiry and
 * throttling windows pass without sleeping. It only moves forward, because tests sharing an application share it.
 */
public final class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Moves the application's time forward. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The test clock only moves forward");
        }
        ahead = ahead.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
