package io.hubwarden.workspace;

/** A person was invited to a workspace; the invitation mail carries the link, this event does not. */
public record PersonInvited(
        WorkspaceId workspaceId, PersonId personId, String email, WorkspaceRole role, PersonId invitedBy) {}
