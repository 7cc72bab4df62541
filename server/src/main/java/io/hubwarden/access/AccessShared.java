package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;

/**
 * A hub was shared with a person (for the first time, or again with new terms). Published in the transaction of the
 * share.
 *
 * @param takesSeat whether the person is invited into the hub (and should accept the hub's invitation e-mail)
 */
public record AccessShared(
        ShareId shareId,
        WorkspaceId workspaceId,
        HubId hubId,
        PersonId personId,
        PersonId sharedBy,
        AccessRole role,
        String hubRole,
        boolean takesSeat,
        Instant at) {}
