package io.hubwarden.hub;

import io.hubwarden.workspace.WorkspaceId;

/**
 * The hub stopped accepting its service credential: it shows REVIEW_CREDENTIALS and its jobs wait until someone
 * connects it again.
 */
public record HubCredentialsExpired(WorkspaceId workspaceId, HubId hubId) {}
