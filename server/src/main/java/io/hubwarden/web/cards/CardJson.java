package io.hubwarden.web.cards;

import io.hubwarden.access.TenantCard;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A tenant card as JSON: ids as text, the state and status by name. */
record CardJson(
        String hubId,
        String membershipId,
        String kind,
        String label,
        String businessId,
        String businessName,
        String state,
        String status,
        @Nullable String noteCode,
        @Nullable String note,
        @Nullable String consoleUrl,
        List<AssetJson> assets,
        Instant since) {

    static CardJson of(TenantCard card) {
        var note = card.note();
        var console = card.consoleUrl();
        return new CardJson(
                card.hubId().toString(),
                card.membershipId().toString(),
                card.kind().name(),
                card.label(),
                card.businessId(),
                card.businessName(),
                card.state().name(),
                card.status().name(),
                note == null ? null : note.code(),
                note == null ? null : note.message(),
                console == null ? null : console.toString(),
                card.assets().stream()
                        .map(asset -> new AssetJson(asset.kind().name(), asset.id(), asset.name(), asset.tasks()))
                        .toList(),
                card.since());
    }

    record AssetJson(String kind, String id, String name, List<String> tasks) {}
}
