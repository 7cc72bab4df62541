package io.hubwarden.connector;

import java.util.Set;

/**
 * What one person may do on one asset: the hub's tasks (Meta {@code ADVERTISE}, {@code ANALYZE}) or, on hubs that
 * assign a role per asset, that role as a single task (TikTok {@code OPERATOR}).
 *
 * @param user the person, by their id in the business
 * @param tasks the tasks held, never empty
 */
public record AssetGrant(HubUserId user, Set<String> tasks) {

    /**
     * @throws IllegalArgumentException if there are no tasks
     */
    public AssetGrant {
        tasks = Set.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a grant holds at least one task");
        }
    }
}
