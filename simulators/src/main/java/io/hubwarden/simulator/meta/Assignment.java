package io.hubwarden.simulator.meta;

import java.util.List;

/**
 * A person's (or system user's) tasks on one asset.
 *
 * @param assetId the asset
 * @param userId the business-scoped user id or system user id
 * @param tasks the tasks granted, in the order given
 */
public record Assignment(String assetId, String userId, List<String> tasks) {

    /** Copies the tasks. */
    public Assignment {
        tasks = List.copyOf(tasks);
    }
}
