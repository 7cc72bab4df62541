package io.hubwarden.simulator;

import java.time.Duration;

/**
 * A misbehaviour to inject into a simulated hub's answer. The kinds are hub-neutral; each simulator renders them in
 * its hub's own envelope, and a {@code code} of 0 means "the hub's usual code for this kind".
 *
 * @param kind what goes wrong
 * @param httpStatus the HTTP status of a {@link Kind#SERVER_ERROR}; 0 for the hub's usual status otherwise
 * @param code the hub's error code to answer with, or 0 for the hub's default for this kind
 * @param subcode the hub's error subcode, or 0 for the default (or none)
 * @param duration the delay of a {@link Kind#LATENCY}, or the time to regain access of a {@link Kind#RATE_LIMITED}
 */
public record Fault(Kind kind, int httpStatus, int code, int subcode, Duration duration) {

    /** What goes wrong. */
    public enum Kind {
        /** The answer is delayed, then given normally. */
        LATENCY,
        /** The hub fails with an HTTP 5xx. */
        SERVER_ERROR,
        /** The hub refuses because a rate limit was reached. */
        RATE_LIMITED,
        /** The hub refuses the token as expired. */
        AUTH_EXPIRED,
        /** The hub answers 200 with a body that is not valid JSON. */
        MALFORMED_BODY
    }

    /** Rejects negative durations and statuses. */
    public Fault {
        if (duration.isNegative() || httpStatus < 0) {
            throw new IllegalArgumentException("a fault needs a non-negative duration and status");
        }
    }

    /** Delays the answer by {@code delay}, then answers normally. */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, 0, 0, 0, delay);
    }

    /** Fails with this HTTP status and the hub's default error code for server errors. */
    public static Fault serverError(int httpStatus) {
        return new Fault(Kind.SERVER_ERROR, httpStatus, 0, 0, Duration.ZERO);
    }

    /** Fails with this HTTP status and this hub error code (Meta: 1 unknown error, 2 service unavailable). */
    public static Fault serverError(int httpStatus, int code) {
        return new Fault(Kind.SERVER_ERROR, httpStatus, code, 0, Duration.ZERO);
    }

    /** Refuses with the hub's default throttling code, saying access returns after {@code regainAccess}. */
    public static Fault rateLimited(Duration regainAccess) {
        return new Fault(Kind.RATE_LIMITED, 0, 0, 0, regainAccess);
    }

    /** Refuses with this throttling code (Meta: 4, 17, 613, 80000–80014), access returning after {@code regainAccess}. */
    public static Fault rateLimited(int code, Duration regainAccess) {
        return new Fault(Kind.RATE_LIMITED, 0, code, 0, regainAccess);
    }

    /** Refuses the token as expired with the hub's default code. */
    public static Fault authExpired() {
        return new Fault(Kind.AUTH_EXPIRED, 0, 0, 0, Duration.ZERO);
    }

    /** Refuses the token with this code and subcode (Meta: 190/463 expired, 190/460 password changed, ...). */
    public static Fault authExpired(int code, int subcode) {
        return new Fault(Kind.AUTH_EXPIRED, 0, code, subcode, Duration.ZERO);
    }

    /** Answers HTTP 200 with a truncated, unparseable body. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, 0, 0, 0, Duration.ZERO);
    }
}
