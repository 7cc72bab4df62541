package io.hubwarden.connector.meta;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Facebook Login's authorization-code flow for the configured app: the dialog URL, the code exchange and the
 * long-lived token exchange. With a Login for Business configuration, the configuration decides the permissions and
 * no scopes are sent.
 */
final class FacebookLogin {

    private final MetaSettings settings;
    private final Graph graph;
    private final Clock clock;

    FacebookLogin(MetaSettings settings, Graph graph, Clock clock) {
        this.settings = settings;
        this.graph = graph;
        this.clock = clock;
    }

    /** The scopes to ask for: none when a Login for Business configuration fixes them. */
    List<String> scopes(List<String> wanted) {
        return settings.loginConfigId() == null ? wanted : List.of();
    }

    URI authorizeUrl(String state, URI redirectUri, List<String> wanted) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.appId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("response_type", "code");
        String config = settings.loginConfigId();
        if (config == null) {
            query.put("scope", String.join(",", wanted));
        } else {
            query.put("config_id", config);
        }
        StringJoiner encoded = new StringJoiner("&");
        query.forEach((name, value) -> encoded.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return URI.create(settings.dialogBaseUrl() + "/" + settings.apiVersion() + "/dialog/oauth?" + encoded);
    }

    /**
     * Exchanges a code from the dialog for a user token.
     *
     * @throws HubRejected if Graph refuses the code or the app's credentials
     */
    IssuedToken exchange(String code, URI redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.appId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("client_secret", settings.appSecret().reveal());
        query.put("code", code);
        return refusedAsRejected(() ->
                issued(graph.getAsApp("oauth/access_token", query, GraphWire.Token.class, List.of(Secret.of(code)))));
    }

    /**
     * Trades a short-lived user token for a long-lived one (about sixty days).
     *
     * @throws HubRejected if Graph refuses the token or the app's credentials
     */
    IssuedToken longLived(Secret shortLived) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "fb_exchange_token");
        query.put("client_id", settings.appId());
        query.put("client_secret", settings.appSecret().reveal());
        query.put("fb_exchange_token", shortLived.reveal());
        return refusedAsRejected(
                () -> issued(graph.getAsApp("oauth/access_token", query, GraphWire.Token.class, List.of(shortLived))));
    }

    private IssuedToken issued(GraphWire.Token token) {
        Long expiresIn = token.expiresIn();
        Instant expiresAt =
                expiresIn == null || expiresIn <= 0 ? null : clock.instant().plusSeconds(expiresIn);
        return new IssuedToken(Secret.of(token.accessToken()), expiresAt, Set.of());
    }

    /** A used, expired or unknown code is a refused request, not an expired session or a missing object. */
    private static IssuedToken refusedAsRejected(Supplier<IssuedToken> exchange) {
        try {
            return exchange.get();
        } catch (HubAuthExpired | HubNotFound refused) {
            throw new HubRejected("oauth", "the code or token was refused: " + bare(refused), trace(refused));
        }
    }

    private static String bare(HubFailure failure) {
        return String.valueOf(failure.getMessage());
    }

    private static @Nullable String trace(HubFailure failure) {
        return failure.traceId().orElse(null);
    }
}
