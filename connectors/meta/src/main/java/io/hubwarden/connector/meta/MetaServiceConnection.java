package io.hubwarden.connector.meta;

import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.OAuthClient;
import java.net.URI;
import java.util.List;

/**
 * Connecting the business as one of its Full-control people: the token must read and manage people and assets, and
 * is traded for a long-lived one so that the connection lasts about sixty days rather than hours.
 */
final class MetaServiceConnection implements OAuthClient {

    private static final List<String> SCOPES =
            List.of("business_management", "ads_management", "pages_show_list", "catalog_management");

    private final FacebookLogin login;

    MetaServiceConnection(FacebookLogin login) {
        this.login = login;
    }

    @Override
    public List<String> scopes() {
        return login.scopes(SCOPES);
    }

    @Override
    public URI authorizeUrl(String state, URI redirectUri) {
        return login.authorizeUrl(state, redirectUri, SCOPES);
    }

    @Override
    public IssuedToken exchange(String code, URI redirectUri) {
        return login.longLived(login.exchange(code, redirectUri).accessToken());
    }
}
