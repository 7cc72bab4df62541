package io.hubwarden.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking a workspace's chain of audit records.
 *
 * @param records how many chained records were checked
 * @param brokenAt the first record whose hash does not match its content and its predecessor, or {@code null} when the
 *     chain is intact
 */
public record ChainCheck(long records, @Nullable Long brokenAt) {

    public boolean intact() {
        return brokenAt == null;
    }
}
