package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;

/**
 * Every share of a hub with a person was revoked; their seat is being taken back. Published in the transaction of the
 * revocation.
 */
public record AccessRevoked(WorkspaceId workspaceId, HubId hubId, PersonId personId, PersonId revokedBy, Instant at) {}
