package io.hubwarden.access;

import io.hubwarden.connector.AssetKind;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tasks on one asset of a hub that a share grants, such as {@code ADVERTISE} and {@code ANALYZE} on an ad account.
 *
 * @param kind the kind of asset
 * @param assetId the hub's id of the asset
 * @param tasks the hub's task codes, never empty
 */
public record AssetEntitlement(AssetKind kind, String assetId, Set<String> tasks) {

    public AssetEntitlement {
        if (assetId.isBlank()) {
            throw new IllegalArgumentException("an asset entitlement needs the asset's id");
        }
        if (tasks.isEmpty() || tasks.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an asset entitlement needs at least one task");
        }
        tasks = Set.copyOf(new TreeSet<>(tasks));
    }

    /** The same asset with the tasks of both. */
    AssetEntitlement union(AssetEntitlement other) {
        var all = new TreeSet<>(tasks);
        all.addAll(other.tasks);
        return new AssetEntitlement(kind, assetId, all);
    }
}
