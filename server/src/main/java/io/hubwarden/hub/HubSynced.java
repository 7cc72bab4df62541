package io.hubwarden.hub;

import io.hubwarden.workspace.WorkspaceId;

/**
 * A sync of the hub was applied: {@link Hubs#accounts} now shows what the hub showed. Published in the transaction
 * that applied it, so module listeners run once it is committed.
 */
public record HubSynced(WorkspaceId workspaceId, HubId hubId) {}
