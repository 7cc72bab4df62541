package io.hubwarden.connector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capability to list a business's assets and to share them with its people, task by task. Every call acts with
 * the given credential, holds no state, and fails only with a {@link HubFailure}.
 */
public interface AssetAccess {

    /** The kinds of asset this connector lists, each with the tasks it can grant. Never touches the network. */
    List<AssetTasks> kinds();

    /**
     * One page of the business's assets of one kind, owned and client assets alike.
     *
     * @throws IllegalArgumentException if the kind is not among {@link #kinds()}
     */
    Page<HubAsset> assets(ServiceCredential credential, AssetKind kind, PageRequest page);

    /**
     * One page of the people who hold tasks on an asset, with their tasks.
     *
     * @throws HubNotFound if the asset is not in the business
     */
    Page<AssetGrant> grants(ServiceCredential credential, AssetRef asset, PageRequest page);

    /**
     * The first page of grants of each of several assets, which a hub that takes batched requests reads in one round
     * trip; this default reads them one by one. An asset that is not in the business is left out of the answer.
     *
     * @param pageSize the size of each asset's page, as in {@link PageRequest#size()}
     * @return each asset's first page, in the order of {@code assets}
     */
    default Map<AssetRef, Page<AssetGrant>> grants(ServiceCredential credential, List<AssetRef> assets, int pageSize) {
        Map<AssetRef, Page<AssetGrant>> pages = new LinkedHashMap<>();
        for (AssetRef asset : assets) {
            try {
                pages.put(asset, grants(credential, asset, PageRequest.first(pageSize)));
            } catch (HubNotFound gone) {
                // Left out: the asset left the business, and the caller reads the others.
            }
        }
        return pages;
    }

    /**
     * Gives a member exactly these tasks on an asset, replacing the tasks they held. Idempotent.
     *
     * @throws HubRejected if the hub does not allow this task set on the asset
     * @throws HubNotFound if the asset or the member is not in the business
     * @throws IllegalArgumentException if the set is empty
     */
    void grant(ServiceCredential credential, AssetRef asset, HubUserId user, Set<String> tasks);

    /**
     * Takes every task on an asset from a member. Revoking from someone without tasks on it succeeds or answers
     * {@link HubNotFound}, depending on the hub.
     *
     * @throws HubNotFound if the asset is not in the business
     * @throws HubRejected if the hub offers no way to take tasks away on this kind of asset; the person keeps them
     *     until they leave the business
     */
    void revoke(ServiceCredential credential, AssetRef asset, HubUserId user);
}
