package io.hubwarden.connector;

/** The kinds of asset a business can hold and share with its people. */
public enum AssetKind {
    /** A Meta ad account or a TikTok advertiser account. */
    AD_ACCOUNT,
    /** A Facebook page. */
    PAGE,
    /** A product catalog. */
    CATALOG,
    /** A Meta pixel or a TikTok pixel. */
    PIXEL,
    /** An Instagram account. */
    INSTAGRAM_ACCOUNT,
    /** A TikTok account. */
    TIKTOK_ACCOUNT
}
