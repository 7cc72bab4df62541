package io.hubwarden.workspace;

/** An invited person set their password and can now sign in. */
public record PersonActivated(WorkspaceId workspaceId, PersonId personId) {}
