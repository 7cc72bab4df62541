package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.AssetTasks;
import io.hubwarden.connector.HubAsset;
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

/**
 * Ad accounts (advertisers), catalogs and pixels of the Business Center. TikTok gives a person one role per asset,
 * not a set of tasks: a grant is a single role ({@code ADMIN}, {@code OPERATOR}, {@code ANALYST} on ad accounts;
 * {@code ADMIN}, {@code AD_PROMOTE} on catalogs, each listed from the most to the least powerful), and pixels are
 * listed but not assigned to people. A grant of several roles, which is what uniting several shares yields, assigns
 * the most powerful of them.
 */
final class TikTokAssets implements AssetAccess {

    /** {@code bc/asset/admin/get}'s largest page. */
    static final int MAX_ASSETS_PAGE = 50;

    /** {@code bc/asset/member/get}'s largest page. */
    static final int MAX_ASSET_MEMBERS_PAGE = 20;

    private static final List<AssetTasks> KINDS = List.of(
            new AssetTasks(AssetKind.AD_ACCOUNT, List.of("ADMIN", "OPERATOR", "ANALYST")),
            new AssetTasks(AssetKind.CATALOG, List.of("ADMIN", "AD_PROMOTE")),
            new AssetTasks(AssetKind.PIXEL, List.of()));

    private static final Map<AssetKind, String> TYPES = new EnumMap<>(Map.of(
            AssetKind.AD_ACCOUNT, "ADVERTISER",
            AssetKind.CATALOG, "CATALOG",
            AssetKind.PIXEL, "PIXEL"));

    private static final Map<AssetKind, String> ROLE_FIELDS = new EnumMap<>(Map.of(
            AssetKind.AD_ACCOUNT, "advertiser_role",
            AssetKind.CATALOG, "catalog_role"));

    private final BusinessApi api;
    private final String bcId;

    TikTokAssets(BusinessApi api, String bcId) {
        this.api = api;
        this.bcId = bcId;
    }

    @Override
    public List<AssetTasks> kinds() {
        return KINDS;
    }

    @Override
    public Page<HubAsset> assets(ServiceCredential credential, AssetKind kind, PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("bc_id", bcId);
        query.put("asset_type", type(kind));
        query.put("page", Integer.toString(MemberRows.pageNumber(page)));
        query.put("page_size", Integer.toString(Math.min(page.size(), MAX_ASSETS_PAGE)));
        ApiWire.Listing<ApiWire.AssetRow> listing =
                api.list("bc/asset/admin/get", query, credential.token(), ApiWire.AssetRow.class);
        List<HubAsset> assets = new ArrayList<>();
        for (ApiWire.AssetRow row : listing.items()) {
            assets.add(new HubAsset(new AssetRef(kind, row.assetId()), row.assetName() == null ? "" : row.assetName()));
        }
        return new Page<>(assets, MemberRows.next(listing, page));
    }

    /** Pixels have no people; their grant list is empty. */
    @Override
    public Page<AssetGrant> grants(ServiceCredential credential, AssetRef asset, PageRequest page) {
        String field = ROLE_FIELDS.get(asset.kind());
        if (field == null) {
            type(asset.kind());
            return Page.last(List.of());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("bc_id", bcId);
        query.put("asset_type", type(asset.kind()));
        query.put("asset_id", asset.id());
        query.put("page", Integer.toString(MemberRows.pageNumber(page)));
        query.put("page_size", Integer.toString(Math.min(page.size(), MAX_ASSET_MEMBERS_PAGE)));
        ApiWire.Listing<ApiWire.AssetMember> listing =
                api.list("bc/asset/member/get", query, credential.token(), ApiWire.AssetMember.class);
        List<AssetGrant> grants = new ArrayList<>();
        for (ApiWire.AssetMember member : listing.items()) {
            String role = asset.kind() == AssetKind.AD_ACCOUNT ? member.advertiserRole() : member.catalogRole();
            if (role != null && !role.isBlank()) {
                grants.add(new AssetGrant(new HubUserId(member.userId()), Set.of(role)));
            }
        }
        return new Page<>(grants, MemberRows.next(listing, page));
    }

    /**
     * Assigns one role: the given one, or the most powerful of several.
     *
     * @throws HubRejected without asking TikTok if the kind takes no people or a role is not TikTok's
     */
    @Override
    public void grant(ServiceCredential credential, AssetRef asset, HubUserId user, Set<String> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a grant needs a role");
        }
        String field = ROLE_FIELDS.get(asset.kind());
        if (field == null) {
            throw new HubRejected("40002", "TikTok assigns no people to " + type(asset.kind()) + " assets", null);
        }
        List<String> roles = rolesOf(asset.kind());
        if (!roles.containsAll(tasks)) {
            throw new HubRejected("40002", "TikTok's roles on " + type(asset.kind()) + " assets are " + roles, null);
        }
        Map<String, Object> body = body(asset, user);
        body.put(field, roles.stream().filter(tasks::contains).findFirst().orElseThrow());
        api.post("bc/asset/assign", body, credential.token());
    }

    private static List<String> rolesOf(AssetKind kind) {
        return KINDS.stream()
                .filter(tasks -> tasks.kind() == kind)
                .findFirst()
                .map(AssetTasks::tasks)
                .orElse(List.of());
    }

    @Override
    public void revoke(ServiceCredential credential, AssetRef asset, HubUserId user) {
        if (!ROLE_FIELDS.containsKey(asset.kind())) {
            throw new HubRejected("40002", "TikTok assigns no people to " + type(asset.kind()) + " assets", null);
        }
        api.post("bc/asset/unassign", body(asset, user), credential.token());
    }

    private Map<String, Object> body(AssetRef asset, HubUserId user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bc_id", bcId);
        body.put("user_id", user.value());
        body.put("asset_type", type(asset.kind()));
        body.put("asset_id", asset.id());
        return body;
    }

    private static String type(AssetKind kind) {
        String type = TYPES.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("the TikTok connector does not list " + kind);
        }
        return type;
    }
}
