package io.hubwarden.simulator.meta;

import java.util.List;

/** The kinds of business asset the simulator holds, with the tasks Graph lets a business give people on them. */
public enum AssetType {
    /** An ad account, {@code act_<account id>}. */
    AD_ACCOUNT("AdAccount", "ad_accounts", List.of("MANAGE", "ADVERTISE", "ANALYZE", "DRAFT", "AA_ANALYZE")),
    /** A Facebook page. */
    PAGE(
            "Page",
            "pages",
            List.of(
                    "MANAGE",
                    "CREATE_CONTENT",
                    "MODERATE",
                    "MESSAGING",
                    "ADVERTISE",
                    "ANALYZE",
                    "MODERATE_COMMUNITY",
                    "MANAGE_JOBS",
                    "MANAGE_LEADS",
                    "CASHIER_ROLE",
                    "GLOBAL_STRUCTURE_MANAGEMENT",
                    "PAGES_MESSAGING",
                    "PAGES_MESSAGING_SUBSCRIPTIONS",
                    "READ_PAGE_MAILBOXES",
                    "VIEW_MONETIZATION_INSIGHTS",
                    "PROFILE_PLUS_MANAGE",
                    "PROFILE_PLUS_CREATE_CONTENT",
                    "PROFILE_PLUS_MODERATE",
                    "PROFILE_PLUS_MESSAGING",
                    "PROFILE_PLUS_ADVERTISE",
                    "PROFILE_PLUS_ANALYZE")),
    /** A product catalog. */
    PRODUCT_CATALOG("ProductCatalog", "product_catalogs", List.of("MANAGE", "ADVERTISE", "MANAGE_AR", "AA_ANALYZE")),
    /** A Meta pixel. */
    PIXEL("AdsPixel", "pixels", List.of("EDIT", "UPLOAD", "ADVERTISE", "ANALYZE", "AA_ANALYZE")),
    /** An Instagram account; listable, but Graph offers no per-person assignment for it. */
    INSTAGRAM_ACCOUNT("IGUser", "instagram_accounts", List.of());

    private final String graphType;
    private final String edgeSuffix;
    private final List<String> tasks;

    AssetType(String graphType, String edgeSuffix, List<String> tasks) {
        this.graphType = graphType;
        this.edgeSuffix = edgeSuffix;
        this.tasks = tasks;
    }

    /** The node type Graph names in its errors, e.g. {@code AdAccount}. */
    public String graphType() {
        return graphType;
    }

    /** The tasks Graph accepts on this kind of asset; empty when people cannot be assigned to it. */
    public List<String> tasks() {
        return tasks;
    }

    /** The edge name after {@code owned_}, {@code client_} or {@code assigned_}, e.g. {@code ad_accounts}. */
    String edgeSuffix() {
        return edgeSuffix;
    }
}
