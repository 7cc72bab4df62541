package io.hubwarden.connector;

import java.util.List;

/**
 * The tasks a hub lets a person hold on one kind of asset, in the hub's order, for a form to offer. Not every
 * combination is allowed: the hub decides, and refuses others with {@link HubRejected}.
 *
 * @param kind the kind of asset
 * @param tasks the task codes; empty when the hub lists this kind but assigns it to no one
 */
public record AssetTasks(AssetKind kind, List<String> tasks) {

    public AssetTasks {
        tasks = List.copyOf(tasks);
    }

    /** Whether people can be granted tasks on this kind of asset. */
    public boolean grantable() {
        return !tasks.isEmpty();
    }
}
