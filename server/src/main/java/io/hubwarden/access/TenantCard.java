package io.hubwarden.access;

import io.hubwarden.connector.HubKind;
import io.hubwarden.hub.HubId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One hub as the person it is shared with sees it: what to do next, and what they hold once connected.
 *
 * @param state what the card says
 * @param status the membership's precise status
 * @param note what failed or what the card waits for, and what to do; {@code null} when nothing
 * @param consoleUrl the hub's own console for the business (Meta Business Manager, TikTok Business Center), or {@code null}
 * @param assets the assets the person holds with their tasks; empty until connected
 */
public record TenantCard(
        HubId hubId,
        MembershipId membershipId,
        HubKind kind,
        String label,
        String businessId,
        String businessName,
        CardState state,
        MembershipStatus status,
        @Nullable MembershipNote note,
        @Nullable URI consoleUrl,
        List<CardAsset> assets,
        Instant since) {

    public TenantCard {
        assets = List.copyOf(assets);
    }

    /** Whether the card offers "Connect your account" (a seat, not yet connected, nothing broken). */
    public boolean connectable() {
        return status == MembershipStatus.INVITING
                || status == MembershipStatus.INVITED
                || status == MembershipStatus.JOINED
                || status == MembershipStatus.CONNECTED;
    }

    /** Whether the card offers to send the hub's invitation again. */
    public boolean resendable() {
        return status == MembershipStatus.INVITE_EXPIRED || status == MembershipStatus.INVITE_FAILED;
    }
}
