package io.hubwarden.connector;

import java.net.URI;
import java.util.List;

/**
 * The hub's OAuth 2 authorization-code flow for the configured app: where to send a person's browser, and how to
 * turn the code the hub sends back into a token. The caller owns {@code state} (bind it to the session and check it
 * on return) and stores the token.
 */
public interface OAuthClient {

    /** The permissions the authorization asks for; empty when the hub fixes them in the app's configuration. */
    List<String> scopes();

    /**
     * The hub's consent page for this app. Pure: never touches the network.
     *
     * @param state an unguessable value the hub sends back unchanged
     * @param redirectUri where the hub sends the browser back; it must be registered with the hub's app
     */
    URI authorizeUrl(String state, URI redirectUri);

    /**
     * Exchanges the code the hub sent to the redirect URI for a token. A code works once.
     *
     * @param redirectUri the same URI given to {@link #authorizeUrl}
     * @throws HubRejected if the code is unknown, used or expired, or the app settings are wrong
     */
    IssuedToken exchange(String code, URI redirectUri);
}
