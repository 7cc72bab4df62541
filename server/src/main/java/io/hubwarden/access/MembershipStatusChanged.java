package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A membership moved in its state machine, or was created. Published in the transaction of the change.
 *
 * @param from the status before, or {@code null} for a new membership
 * @param note what the person or the hub's managers should know, when there is something (a failure's reason)
 */
public record MembershipStatusChanged(
        MembershipId membershipId,
        WorkspaceId workspaceId,
        HubId hubId,
        PersonId personId,
        @Nullable MembershipStatus from,
        MembershipStatus to,
        @Nullable MembershipNote note,
        Instant at) {}
