package io.hubwarden.connector;

/**
 * An asset the business owns or manages for a client.
 *
 * @param ref its kind and id
 * @param name its name as the hub shows it; may be empty
 */
public record HubAsset(AssetRef ref, String name) {}
