package io.hubwarden.simulator.tiktok;

import java.net.URI;
import java.util.List;

/**
 * A developer app of the TikTok API for Business. Its permissions are fixed in the app's settings, so the
 * authorization page asks for no scopes.
 *
 * @param appId the app id
 * @param secret the app secret, sent with the auth code when exchanging it
 * @param name the name the authorization page shows
 * @param redirectUris the advertiser redirect URLs registered for the app
 */
public record TikTokApp(String appId, String secret, String name, List<URI> redirectUris) {

    /** Copies the redirect URIs. */
    public TikTokApp {
        redirectUris = List.copyOf(redirectUris);
    }
}
