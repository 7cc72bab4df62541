package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connected hub as other modules and pages see it; never carries the credential.
 *
 * @param businessId the hub's id of the business (Meta business portfolio id)
 * @param businessName the business's name as the hub showed it at the last check or sync
 * @param ownerPersonId the person who connected it
 * @param healthReason why the health is not HEALTHY, without secrets; {@code null} when healthy
 * @param lastSyncAt when a sync was last applied; {@code null} before the first one
 * @param safeguardPercent a sync that would remove more than this share of people or assets is halted for review
 * @param consoleUrl the hub's own console for this business (Meta Business Manager), for links; {@code null} if none
 */
public record HubView(
        HubId id,
        WorkspaceId workspaceId,
        HubKind kind,
        String label,
        String businessId,
        String businessName,
        PersonId ownerPersonId,
        HubHealth health,
        @Nullable String healthReason,
        Instant connectedAt,
        @Nullable Instant lastSyncAt,
        int safeguardPercent,
        @Nullable URI consoleUrl) {}
