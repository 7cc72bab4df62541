package io.hubwarden.connector.meta;

import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.AssetTasks;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.ServiceCredential;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The business's assets: owned and client assets per kind, and per-person tasks through each asset's {@code
 * assigned_users} edge.
 */
final class MetaAssets implements AssetAccess {

    private static final List<AssetTasks> KINDS = List.of(
            new AssetTasks(AssetKind.AD_ACCOUNT, List.of("MANAGE", "ADVERTISE", "ANALYZE", "DRAFT", "AA_ANALYZE")),
            new AssetTasks(
                    AssetKind.PAGE,
                    List.of("MANAGE", "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE")),
            new AssetTasks(AssetKind.CATALOG, List.of("MANAGE", "ADVERTISE", "MANAGE_AR", "AA_ANALYZE")),
            new AssetTasks(AssetKind.PIXEL, List.of("EDIT", "UPLOAD", "ADVERTISE", "ANALYZE", "AA_ANALYZE")),
            // Listed on the business, but Graph has no per-person assignment edge for them.
            new AssetTasks(AssetKind.INSTAGRAM_ACCOUNT, List.of()));

    /** The edges that list each kind, read one after the other: owned assets, then those of clients. */
    private static final Map<AssetKind, List<String>> EDGES = new EnumMap<>(Map.of(
            AssetKind.AD_ACCOUNT, List.of("owned_ad_accounts", "client_ad_accounts"),
            AssetKind.PAGE, List.of("owned_pages", "client_pages"),
            AssetKind.CATALOG, List.of("owned_product_catalogs", "client_product_catalogs"),
            AssetKind.PIXEL, List.of("owned_pixels", "client_pixels"),
            AssetKind.INSTAGRAM_ACCOUNT, List.of("owned_instagram_accounts")));

    private static final String ASSET_FIELDS = "id,name";
    private static final String INSTAGRAM_FIELDS = "id,username,name";
    private static final String GRANT_FIELDS = "id,name,user_type,tasks";

    private final Graph graph;
    private final String businessId;

    MetaAssets(Graph graph, String businessId) {
        this.graph = graph;
        this.businessId = businessId;
    }

    @Override
    public List<AssetTasks> kinds() {
        return KINDS;
    }

    /**
     * The cursor names the edge it continues ({@code 0:} owned, {@code 1:} client) and Graph's cursor within it, so
     * one list spans both edges.
     */
    @Override
    public Page<HubAsset> assets(ServiceCredential credential, AssetKind kind, PageRequest page) {
        List<String> edges = EDGES.get(kind);
        if (edges == null) {
            throw new IllegalArgumentException("the Meta connector does not list " + kind);
        }
        EdgeCursor at = EdgeCursor.parse(page.cursor(), edges.size());
        String fields = kind == AssetKind.INSTAGRAM_ACCOUNT ? INSTAGRAM_FIELDS : ASSET_FIELDS;
        GraphWire.Listing<GraphWire.Asset> listing = graph.list(
                businessId + "/" + edges.get(at.edge()),
                Map.of("fields", fields),
                credential.token(),
                GraphWire.Asset.class,
                new PageRequest(at.after(), page.size()));
        List<HubAsset> items = new ArrayList<>();
        for (GraphWire.Asset asset : listing.items()) {
            items.add(new HubAsset(new AssetRef(kind, asset.id()), name(asset)));
        }
        String after = listing.after();
        String next;
        if (after != null) {
            next = new EdgeCursor(at.edge(), after).toString();
        } else if (at.edge() + 1 < edges.size()) {
            next = new EdgeCursor(at.edge() + 1, null).toString();
        } else {
            next = null;
        }
        return new Page<>(items, next);
    }

    @Override
    public Page<AssetGrant> grants(ServiceCredential credential, AssetRef asset, PageRequest page) {
        GraphWire.Listing<GraphWire.AssignedUser> listing = graph.list(
                Graph.node(asset.id()) + "/assigned_users",
                Map.of("business", businessId, "fields", GRANT_FIELDS),
                credential.token(),
                GraphWire.AssignedUser.class,
                page);
        return page(listing);
    }

    private static Page<AssetGrant> page(GraphWire.Listing<GraphWire.AssignedUser> listing) {
        List<AssetGrant> grants = new ArrayList<>();
        for (GraphWire.AssignedUser user : listing.items()) {
            List<String> tasks = user.tasks();
            if (tasks != null && !tasks.isEmpty()) {
                grants.add(new AssetGrant(new HubUserId(user.id()), Set.copyOf(tasks)));
            }
        }
        return new Page<>(grants, listing.after());
    }

    /** The first pages in Graph batch requests: one round trip for every fifty assets. */
    @Override
    public Map<AssetRef, Page<AssetGrant>> grants(ServiceCredential credential, List<AssetRef> assets, int pageSize) {
        List<String> paths = assets.stream()
                .map(asset -> Graph.node(asset.id()) + "/assigned_users")
                .toList();
        List<Supplier<GraphWire.Listing<GraphWire.AssignedUser>>> listings = graph.listEach(
                paths,
                Map.of("business", businessId, "fields", GRANT_FIELDS),
                credential.token(),
                GraphWire.AssignedUser.class,
                PageRequest.first(pageSize));
        Map<AssetRef, Page<AssetGrant>> pages = new LinkedHashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            try {
                pages.put(assets.get(i), page(listings.get(i).get()));
            } catch (HubNotFound gone) {
                // Left out, as the contract says: the asset left the business.
            }
        }
        return pages;
    }

    @Override
    public void grant(ServiceCredential credential, AssetRef asset, HubUserId user, Set<String> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one task; revoke to take all");
        }
        if (asset.kind() == AssetKind.INSTAGRAM_ACCOUNT) {
            throw new IllegalArgumentException("Meta assigns no tasks on Instagram accounts");
        }
        graph.post(
                Graph.node(asset.id()) + "/assigned_users",
                Map.of("user", Graph.node(user.value()), "tasks", jsonList(tasks)),
                credential.token());
    }

    /**
     * Graph has no removal for pixel tasks and would answer "unsupported request", which reads like a missing
     * object; a refusal says the truth: the person keeps them.
     */
    @Override
    public void revoke(ServiceCredential credential, AssetRef asset, HubUserId user) {
        if (asset.kind() == AssetKind.PIXEL || asset.kind() == AssetKind.INSTAGRAM_ACCOUNT) {
            throw new HubRejected(
                    "unsupported", "Graph offers no way to take " + asset.kind() + " tasks away from a person", null);
        }
        graph.delete(
                Graph.node(asset.id()) + "/assigned_users",
                Map.of("user", Graph.node(user.value())),
                credential.token());
    }

    private static String name(GraphWire.Asset asset) {
        if (asset.name() != null) {
            return asset.name();
        }
        return asset.username() == null ? "" : asset.username();
    }

    /** Graph takes list parameters as a JSON array of strings; task codes are upper-case words. */
    private static String jsonList(Set<String> values) {
        return new TreeSet<>(values)
                .stream()
                        .map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(",", "[", "]"));
    }

    /** Where an asset list continues: which edge, and Graph's cursor in it ({@code null} at its start). */
    private record EdgeCursor(int edge, @Nullable String after) {

        static EdgeCursor parse(@Nullable String cursor, int edges) {
            if (cursor == null) {
                return new EdgeCursor(0, null);
            }
            int colon = cursor.indexOf(':');
            int edge;
            try {
                edge = colon < 0 ? -1 : Integer.parseInt(cursor.substring(0, colon));
            } catch (NumberFormatException notOurs) {
                edge = -1;
            }
            if (edge < 0 || edge >= edges) {
                throw new IllegalArgumentException("not a cursor of this asset list");
            }
            String after = cursor.substring(colon + 1);
            return new EdgeCursor(edge, after.isEmpty() ? null : after);
        }

        @Override
        public String toString() {
            return edge + ":" + (after == null ? "" : after);
        }
    }
}
