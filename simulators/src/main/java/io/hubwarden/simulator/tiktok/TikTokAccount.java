package io.hubwarden.simulator.tiktok;

/**
 * A TikTok for Business account: what a person signs in with on the authorization page and on invitation join pages.
 *
 * @param coreUserId the account's id: {@code user/info}'s {@code core_user_id}, and its {@code user_id} in every
 *     Business Center it joins
 * @param email the login e-mail address
 * @param displayName the name TikTok shows
 * @param password the login password
 */
public record TikTokAccount(String coreUserId, String email, String displayName, String password) {}
