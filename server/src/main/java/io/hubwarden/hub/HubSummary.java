package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What a tenant card shows of its hub: which hub and business it is, and where its console is. A {@link HubView}
 * without its owner, health and times, which cost more to read than the rest of the row.
 *
 * @param businessId the hub's id of the business (Meta business portfolio id)
 * @param businessName the business's name as the hub showed it at the last check or sync
 * @param consoleUrl the hub's own console for this business, for links; {@code null} if none
 */
public record HubSummary(
        HubId id,
        HubKind kind,
        String label,
        String businessId,
        String businessName,
        @Nullable URI consoleUrl) {}
