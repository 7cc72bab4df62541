package io.hubwarden.hub;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a sync stands, as saved in its job's checkpoint: the phase, the hub's cursor within it and, while reading
 * assets or their grants, which kind or asset. Text of the form {@code PHASE|kind|asset|cursor}, each part
 * URL-encoded.
 *
 * @param kind the asset kind being listed (ASSETS) or the kind of {@code asset} (GRANTS)
 * @param asset the asset whose grants are being read (GRANTS)
 * @param cursor the hub's cursor of the next page, or {@code null} for the first page
 */
record SyncCursor(
        Phase phase,
        @Nullable AssetKind kind,
        @Nullable String asset,
        @Nullable String cursor) {

    /** The phases of a sync, in order. */
    enum Phase {
        MEMBERS,
        INVITATIONS,
        ASSETS,
        GRANTS,
        APPLY
    }

    static final SyncCursor START = new SyncCursor(Phase.MEMBERS, null, null, null);

    static SyncCursor at(Phase phase) {
        return new SyncCursor(phase, null, null, null);
    }

    SyncCursor next(@Nullable String nextCursor) {
        return new SyncCursor(phase, kind, asset, nextCursor);
    }

    @Nullable
    AssetRef assetRef() {
        return kind == null || asset == null ? null : new AssetRef(kind, asset);
    }

    String text() {
        return String.join(
                "|", phase.name(), encoded(kind == null ? null : kind.name()), encoded(asset), encoded(cursor));
    }

    static SyncCursor parse(String text) {
        List<String> parts = Arrays.asList(text.split("\\|", -1));
        if (parts.size() != 4) {
            return START;
        }
        var kind = decoded(parts.get(1));
        return new SyncCursor(
                Phase.valueOf(parts.get(0)),
                kind == null ? null : AssetKind.valueOf(kind),
                decoded(parts.get(2)),
                decoded(parts.get(3)));
    }

    private static String encoded(@Nullable String part) {
        return part == null ? "" : URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static @Nullable String decoded(String part) {
        return part.isEmpty() ? null : URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
