package io.hubwarden.connector;

/**
 * Points at one asset of the business.
 *
 * @param kind what kind of asset it is
 * @param id the hub's id of the asset (Meta ad accounts: {@code act_<number>})
 */
public record AssetRef(AssetKind kind, String id) {

    /**
     * @throws IllegalArgumentException if the id is blank
     */
    public AssetRef {
        if (id.isBlank()) {
            throw new IllegalArgumentException("an asset needs an id");
        }
    }
}
