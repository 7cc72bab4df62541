package io.hubwarden.hub;

import io.hubwarden.connector.AssetKind;
import java.util.Set;

/**
 * An asset of a hub, and the tasks one person holds on it, as the last sync saw them.
 *
 * @param externalId the hub's id of the asset (Meta ad accounts: {@code act_<number>})
 * @param name the name the hub shows; may be empty
 * @param tasks the tasks the person holds on it; empty when listing the hub's assets without a person
 */
public record AssetView(AssetKind kind, String externalId, String name, Set<String> tasks) {

    public AssetView {
        tasks = Set.copyOf(tasks);
    }
}
