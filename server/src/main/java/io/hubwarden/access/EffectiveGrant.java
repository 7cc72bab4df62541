package io.hubwarden.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * What a person holds on a hub over all their shares: the highest Hubwarden role, the most powerful hub role, the
 * union of the asset tasks, and a seat in the hub when any share takes one.
 *
 * @param role the highest Hubwarden role of the shares
 * @param hubRole the hub's code of the most powerful hub role of the shares
 * @param takesSeat whether any share takes a seat in the hub
 * @param assets the tasks per asset, ordered by asset id
 */
public record EffectiveGrant(AccessRole role, String hubRole, boolean takesSeat, List<AssetEntitlement> assets) {

    public EffectiveGrant {
        assets = List.copyOf(assets);
    }

    /** The grant over these shares; empty when there are none. */
    static Optional<EffectiveGrant> over(Collection<AccessShare> shares) {
        if (shares.isEmpty()) {
            return Optional.empty();
        }
        AccessRole role = AccessRole.COLLABORATOR;
        var strongest = shares.stream()
                .min(Comparator.comparingInt(AccessShare::hubRoleRank))
                .orElseThrow();
        boolean seat = false;
        var assets = new LinkedHashMap<String, AssetEntitlement>();
        for (var share : shares) {
            role = role.higher(share.role());
            seat |= share.takesSeat();
            for (var asset : share.assets()) {
                assets.merge(asset.kind() + ":" + asset.assetId(), asset, AssetEntitlement::union);
            }
        }
        var sorted = new ArrayList<>(assets.values());
        sorted.sort(Comparator.comparing(AssetEntitlement::assetId));
        return Optional.of(new EffectiveGrant(role, strongest.hubRole(), seat, sorted));
    }
}
