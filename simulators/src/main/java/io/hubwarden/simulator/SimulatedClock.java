package io.hubwarden.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulators' notion of now: a base clock plus an offset that only ever moves forward when told. Tests advance it
 * to expire invitations, authorization codes and tokens without waiting. Safe to share between threads and
 * simulators.
 */
public final class SimulatedClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private SimulatedClock(Clock base) {
        this.base = base;
    }

    /** A clock that follows real time (UTC), moved ahead by {@link #advance(Duration)}. */
    public static SimulatedClock system() {
        return new SimulatedClock(Clock.systemUTC());
    }

    /** A clock that stands still at {@code start} until {@link #advance(Duration)} moves it. */
    public static SimulatedClock fixedAt(Instant start) {
        return new SimulatedClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException when {@code by} is negative: simulated time never runs backwards
     */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward, not by " + by);
        }
        offset = offset.plus(by);
    }

    /** How far the clock has been moved ahead of its base. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always this clock: simulated time is kept in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
