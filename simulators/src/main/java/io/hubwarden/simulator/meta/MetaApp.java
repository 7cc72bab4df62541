package io.hubwarden.simulator.meta;

import java.net.URI;
import java.util.List;

/**
 * A Meta app that clients sign in through.
 *
 * @param id the app id ({@code client_id})
 * @param secret the app secret ({@code client_secret}), also the key of {@code appsecret_proof}
 * @param name the name the login dialog shows
 * @param redirectUris the valid OAuth redirect URIs; a dialog or code exchange must use one of them exactly
 * @param requiresAppsecretProof whether Graph calls with this app's tokens must carry a correct {@code appsecret_proof}
 */
public record MetaApp(String id, String secret, String name, List<URI> redirectUris, boolean requiresAppsecretProof) {

    /** Copies the redirect URIs; rejects a blank id or secret. */
    public MetaApp {
        if (id.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("an app needs an id and a secret");
        }
        redirectUris = List.copyOf(redirectUris);
    }
}
