package io.hubwarden.simulator.tiktok;

/**
 * An asset a Business Center owns.
 *
 * @param assetId its id
 * @param bcId the owning Business Center
 * @param type its kind
 * @param name its name
 */
public record BcAsset(String assetId, String bcId, AssetType type, String name) {}
