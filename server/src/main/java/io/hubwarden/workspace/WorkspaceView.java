package io.hubwarden.workspace;

import java.time.Instant;

/**
 * A workspace as other modules and pages see it.
 *
 * @param slug the workspace's short name, unique in the installation; people type it at sign-in when their email
 *     belongs to several workspaces
 */
public record WorkspaceView(WorkspaceId id, String name, String slug, Instant createdAt) {}
