package io.hubwarden.access;

import io.hubwarden.connector.AssetKind;

/**
 * An asset the member holds in the hub with their tasks, as the last sync or profile verification saw it; kept with
 * the membership so that tenant cards read without calling the hub.
 *
 * @param tasks the task codes, comma-separated
 */
record MembershipAsset(AssetKind kind, String assetId, String name, String tasks) {}
