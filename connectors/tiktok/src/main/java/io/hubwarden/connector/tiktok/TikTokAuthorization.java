package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.OAuthClient;
import io.hubwarden.connector.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TikTok's authorization of the app: the authorization page and the {@code auth_code} exchange. The permissions are
 * fixed in the app's settings, so none are asked for. Used both to connect the Business Center (as one of its Admins)
 * and to link a person's own account: TikTok has one flow for both. Its tokens do not expire until revoked.
 */
final class TikTokAuthorization implements OAuthClient {

    private final TikTokSettings settings;
    private final BusinessApi api;

    TikTokAuthorization(TikTokSettings settings, BusinessApi api) {
        this.settings = settings;
        this.api = api;
    }

    @Override
    public List<String> scopes() {
        return List.of();
    }

    @Override
    public URI authorizeUrl(String state, URI redirectUri) {
        return URI.create(settings.authPageUrl() + "?app_id=" + encode(settings.appId()) + "&state=" + encode(state)
                + "&redirect_uri=" + encode(redirectUri.toString()));
    }

    /**
     * Exchanges an {@code auth_code} for an access token. The redirect URI is not part of TikTok's exchange.
     *
     * @throws HubRejected if TikTok refuses the code or the app's credentials
     */
    @Override
    public IssuedToken exchange(String code, URI redirectUri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", settings.appId());
        body.put("secret", settings.secret().reveal());
        body.put("auth_code", code);
        try {
            ApiWire.Token token =
                    api.postAsApp("oauth2/access_token", body, ApiWire.Token.class, List.of(Secret.of(code)));
            return new IssuedToken(Secret.of(token.accessToken()), null, Set.of());
        } catch (HubAuthExpired | HubNotFound refused) {
            throw new HubRejected(
                    "oauth",
                    "the code was refused: " + refused.getMessage(),
                    refused.traceId().orElse(null));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
