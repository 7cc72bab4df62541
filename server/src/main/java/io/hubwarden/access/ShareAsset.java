package io.hubwarden.access;

import io.hubwarden.connector.AssetKind;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** One asset entitlement of an {@link AccessShare}, as stored: the tasks as one comma-separated column. */
record ShareAsset(AssetKind kind, String assetId, String tasks) {

    static ShareAsset of(AssetEntitlement entitlement) {
        return new ShareAsset(
                entitlement.kind(), entitlement.assetId(), String.join(",", new TreeSet<>(entitlement.tasks())));
    }

    AssetEntitlement entitlement() {
        return new AssetEntitlement(kind, assetId, Set.copyOf(Arrays.asList(tasks.split(","))));
    }
}
