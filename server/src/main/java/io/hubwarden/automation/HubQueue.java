package io.hubwarden.automation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What holds a hub's jobs back, shared by every node: a pause, and the time before which the hub asked not to be
 * called again.
 *
 * @param pauseReason why the hub's jobs are paused; {@code null} unless paused
 * @param notBefore the hub's jobs are not started before this time; {@code null} when the hub set no limit
 */
public record HubQueue(
        UUID hubId,
        boolean paused,
        @Nullable String pauseReason,
        @Nullable Instant notBefore) {

    /** The time the hub's jobs wait for, if one is set; it may lie in the past. */
    public Optional<Instant> waitsUntil() {
        return Optional.ofNullable(notBefore);
    }
}
