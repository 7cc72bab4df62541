package io.hubwarden.access;

import io.hubwarden.connector.AssetKind;
import java.util.List;

/**
 * An asset a connected person holds in the hub, with their tasks on it, as a tenant card lists it.
 *
 * @param id the hub's id of the asset
 * @param tasks the task codes, sorted
 */
public record CardAsset(AssetKind kind, String id, String name, List<String> tasks) {

    public CardAsset {
        tasks = List.copyOf(tasks);
    }
}
