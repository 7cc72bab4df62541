package io.hubwarden.hub;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;

/**
 * Someone matched an unmatched hub account to a workspace person by hand.
 *
 * @param accountExternalId the hub's id of the account (the member's user id, or the invitation id)
 */
public record HubAccountMatched(WorkspaceId workspaceId, HubId hubId, String accountExternalId, PersonId personId) {}
