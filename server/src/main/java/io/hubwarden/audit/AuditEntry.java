package io.hubwarden.audit;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail.
 *
 * @param seq the record's place in the workspace's chain, {@code null} until it is chained (within seconds)
 * @param actor the id of the person who made the change, or {@code system} for what the hub or a job did
 * @param action what happened, such as {@code ACCESS_SHARED}
 * @param hubId the hub concerned, if any
 * @param personId the person whose access changed, if any
 * @param detail the change in words
 */
public record AuditEntry(
        UUID id,
        WorkspaceId workspaceId,
        @Nullable Long seq,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID hubId,
        @Nullable UUID personId,
        String detail) {

    /** {@link #actor()} of changes no person made. */
    public static final String SYSTEM = "system";
}
