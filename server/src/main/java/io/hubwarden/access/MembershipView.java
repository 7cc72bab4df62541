package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A membership as other modules and pages see it: a row of the hub's Users table.
 *
 * @param email the address the person is invited with (their work e-mail)
 * @param hubRole the hub role's code the hub should give them (Meta {@code ADMIN}, {@code EMPLOYEE})
 * @param hubUserId the person's id in the business once the hub showed them as a member, else {@code null}
 * @param note what the person or the hub's managers should know (a failure, a wait), else {@code null}
 */
public record MembershipView(
        MembershipId id,
        WorkspaceId workspaceId,
        HubId hubId,
        PersonId personId,
        String email,
        MembershipStatus status,
        AccessRole role,
        String hubRole,
        boolean takesSeat,
        @Nullable String hubUserId,
        @Nullable MembershipNote note,
        Instant statusChangedAt) {

    static MembershipView of(Membership membership) {
        return new MembershipView(
                membership.id(),
                membership.workspaceId(),
                membership.hubId(),
                membership.personId(),
                membership.email(),
                membership.status(),
                membership.role(),
                membership.hubRole(),
                membership.takesSeat(),
                membership.hubUserId().orElse(null),
                membership.note().orElse(null),
                membership.statusChangedAt());
    }
}
