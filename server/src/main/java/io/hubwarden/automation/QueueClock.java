package io.hubwarden.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The injected clock at the resolution both databases store, so a saved time reads back equal. */
record QueueClock(Clock clock) {

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
