package io.hubwarden.hub;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a sync found compared with what Hubwarden knew: how many people and assets it adds, changes and removes. For a
 * halted sync, this is what applying it would do; for an applied one, what it did.
 *
 * @param syncId the sync, the same id as the SYNC job that read it
 * @param halted whether it waits for review (else it was applied)
 * @param removedAccounts some of the accounts it removes (at most 50), for the review page
 */
public record SyncReview(
        UUID syncId,
        HubId hubId,
        boolean halted,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Counts accounts,
        Counts assets,
        Counts assignments,
        List<HubAccountView> removedAccounts) {

    public SyncReview {
        removedAccounts = List.copyOf(removedAccounts);
    }

    /**
     * Changes of one kind of row.
     *
     * @param before how many there were before the sync
     */
    public record Counts(int before, int added, int changed, int removed) {

        /** The removed share of what was there, in percent (0 when there was nothing). */
        public int removedPercent() {
            return before == 0 ? 0 : (int) Math.ceil(removed * 100.0 / before);
        }

        /** Whether the sync writes nothing of this kind. */
        public boolean unchanged() {
            return added == 0 && changed == 0 && removed == 0;
        }
    }
}
