package io.hubwarden.simulator.tiktok;

import java.util.List;

/**
 * The kinds of Business Center asset the simulator keeps, with the roles {@code bc/asset/assign} accepts for each
 * and the request field that carries them.
 */
public enum AssetType {
    /** An ad account; {@code advertiser_role}. */
    ADVERTISER("advertiser_role", List.of("ADMIN", "OPERATOR", "ANALYST")),
    /** A product catalog; {@code catalog_role}. */
    CATALOG("catalog_role", List.of("ADMIN", "AD_PROMOTE")),
    /** A pixel: listed, but not assigned to people. */
    PIXEL("", List.of()),
    /** A TikTok account; {@code tt_account_roles}, a list. */
    TT_ACCOUNT("tt_account_roles", List.of("POST", "LIVE", "DIRECT_MESSAGE"));

    private final String roleField;
    private final List<String> roles;

    AssetType(String roleField, List<String> roles) {
        this.roleField = roleField;
        this.roles = roles;
    }

    /** The request and response field naming a person's role on this kind of asset; empty when none. */
    public String roleField() {
        return roleField;
    }

    /** The roles a person can hold on this kind of asset. */
    public List<String> roles() {
        return roles;
    }

    /** Whether {@code bc/asset/member/get} lists the people of this kind of asset. */
    boolean listsMembers() {
        return this == ADVERTISER || this == CATALOG;
    }
}
