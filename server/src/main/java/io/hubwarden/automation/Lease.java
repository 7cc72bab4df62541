package io.hubwarden.automation;

import java.time.Instant;

/** A worker's claim on a running job, valid until it expires; the owner is unique per claim. */
record Lease(String owner, Instant until) {

    boolean expiredAt(Instant now) {
        return !until.isAfter(now);
    }
}
