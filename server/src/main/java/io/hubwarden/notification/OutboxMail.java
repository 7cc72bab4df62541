package io.hubwarden.notification;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * A "shared with you" mail in the outbox: whom it goes to, which hub it names, who shared it.
 *
 * @param attempts sending attempts made so far, the one under way included once claimed
 */
record OutboxMail(
        UUID id,
        WorkspaceId workspaceId,
        PersonId personId,
        HubId hubId,
        PersonId sharedBy,
        boolean takesSeat,
        Instant createdAt,
        int attempts) {}
