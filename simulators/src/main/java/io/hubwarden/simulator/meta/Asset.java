package io.hubwarden.simulator.meta;

import java.util.List;

/**
 * A business asset.
 *
 * @param id its Graph id; {@code act_<account id>} for ad accounts
 * @param type what kind of asset it is
 * @param name its name
 * @param ownerBusinessId the business that owns it
 * @param clientBusinessIds the businesses it is shared with as a client asset
 */
public record Asset(String id, AssetType type, String name, String ownerBusinessId, List<String> clientBusinessIds) {

    /** Copies the client businesses. */
    public Asset {
        clientBusinessIds = List.copyOf(clientBusinessIds);
    }

    /** Whether this business owns it or holds it as a client. */
    public boolean reachableFrom(String businessId) {
        return ownerBusinessId.equals(businessId) || clientBusinessIds.contains(businessId);
    }
}
