package io.hubwarden.workspace;

/** A workspace was created with its first Owner, who can sign in right away. */
public record WorkspaceCreated(WorkspaceId workspaceId, String name, String slug, PersonId ownerId) {}
