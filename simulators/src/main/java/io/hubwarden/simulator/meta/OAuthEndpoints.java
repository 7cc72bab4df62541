package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.IncomingRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Facebook Login's server side: {@code /oauth/access_token} (authorization code, {@code fb_exchange_token},
 * {@code client_credentials}) and {@code /debug_token}. Error codes follow Meta's: 101 unknown app, 1 wrong secret,
 * 100 with subcodes 36007 (code expired), 36008 (redirect URI differs from the dialog's), 36009 (code already used).
 */
final class OAuthEndpoints {

    private final MetaWorld world;

    OAuthEndpoints(MetaWorld world) {
        this.world = world;
    }

    /** Runs under the world's write lock: exchanging a code uses it up. */
    Object exchange(IncomingRequest request) {
        String clientId = request.param("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw GraphFailure.oauth(101, 0, "Missing client_id parameter.");
        }
        MetaApp app = world.apps.get(clientId.strip());
        if (app == null) {
            throw GraphFailure.oauth(101, 0, "Error validating application. Invalid application ID.");
        }
        String secret = request.param("client_secret");
        if (secret == null || !secret.equals(app.secret())) {
            throw GraphFailure.oauth(1, 0, "Error validating client secret.");
        }
        String grant = request.param("grant_type", "authorization_code");
        if (grant.equals("client_credentials")) {
            return Map.of("access_token", app.id() + "|" + app.secret(), "token_type", "bearer");
        }
        if (grant.equals("fb_exchange_token")) {
            return longLived(request, app);
        }
        String code = request.param("code");
        if (code == null || code.isBlank()) {
            throw GraphFailure.missingParameter("code");
        }
        AuthorizationCode issued = world.code(code.strip())
                .orElseThrow(() -> GraphFailure.oauth(100, 0, "Invalid verification code format."));
        if (!issued.appId().equals(app.id())) {
            throw GraphFailure.oauth(100, 0, "Invalid verification code format.");
        }
        if (issued.used()) {
            throw GraphFailure.oauth(100, 36_009, "This authorization code has been used.");
        }
        if (!world.now().isBefore(issued.expiresAt())) {
            throw GraphFailure.oauth(100, 36_007, "This authorization code has expired.");
        }
        if (!issued.redirectUri().equals(uri(request.param("redirect_uri")))) {
            throw GraphFailure.oauth(
                    100,
                    36_008,
                    "Error validating verification code. Please make sure your redirect_uri is identical to the one"
                            + " you used in the OAuth dialog request");
        }
        world.markUsed(issued);
        AccessToken token =
                world.issueUserToken(issued.personId(), app.id(), issued.scopes(), MetaWorld.USER_TOKEN_LIFETIME);
        return issued(token);
    }

    private Object longLived(IncomingRequest request, MetaApp app) {
        String value = request.param("fb_exchange_token");
        if (value == null || value.isBlank()) {
            throw GraphFailure.missingParameter("fb_exchange_token");
        }
        AccessToken token = world.token(value.strip()).orElseThrow(GraphFailure::invalidToken);
        if (token.kind() != AccessToken.Kind.USER || !token.appId().equals(app.id())) {
            throw GraphFailure.invalidToken();
        }
        if (token.expiredAt(world.now())) {
            throw GraphFailure.expiredToken(token.expiresAt(), world.now());
        }
        if (!world.stillGranted(token)) {
            throw GraphFailure.notAuthorized(app.id());
        }
        return issued(world.issueUserToken(token.subjectId(), app.id(), token.scopes(), MetaWorld.USER_TOKEN_LIFETIME));
    }

    private Map<String, Object> issued(AccessToken token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", token.value());
        json.put("token_type", "bearer");
        json.put("expires_in", token.expiresAt().getEpochSecond() - world.now().getEpochSecond());
        return json;
    }

    /** Runs under the world's read lock. */
    Object debug(IncomingRequest request, String accessToken) {
        AccessToken inspector = world.token(accessToken).orElseThrow(GraphFailure::invalidToken);
        if (inspector.expiredAt(world.now())) {
            throw GraphFailure.expiredToken(inspector.expiresAt(), world.now());
        }
        String input = request.param("input_token");
        if (input == null || input.isBlank()) {
            throw GraphFailure.missingParameter("input_token");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        AccessToken token = world.token(input.strip()).orElse(null);
        if (token == null || !token.appId().equals(inspector.appId())) {
            data.put("error", Map.of("code", 190, "message", "Invalid OAuth access token."));
            data.put("is_valid", false);
            data.put("scopes", List.of());
            return Map.of("data", data);
        }
        MetaApp app = world.requireApp(token.appId());
        data.put("app_id", app.id());
        data.put(
                "type",
                token.kind() == AccessToken.Kind.APP
                        ? "APP"
                        : token.kind() == AccessToken.Kind.SYSTEM_USER ? "SYSTEM_USER" : "USER");
        data.put("application", app.name());
        boolean never = token.kind() != AccessToken.Kind.USER;
        data.put(
                "data_access_expires_at",
                never ? 0 : token.issuedAt().plusSeconds(90L * 24 * 3600).getEpochSecond());
        data.put("expires_at", never ? 0 : token.expiresAt().getEpochSecond());
        boolean valid = !token.expiredAt(world.now()) && world.stillGranted(token);
        data.put("is_valid", valid);
        if (!valid) {
            data.put(
                    "error",
                    Map.of(
                            "code",
                            190,
                            "subcode",
                            token.expiredAt(world.now()) ? 463 : 458,
                            "message",
                            token.expiredAt(world.now())
                                    ? GraphFailure.expiredToken(token.expiresAt(), world.now())
                                            .getMessage()
                                    : GraphFailure.notAuthorized(app.id()).getMessage()));
        }
        if (token.kind() != AccessToken.Kind.APP) {
            data.put("issued_at", token.issuedAt().getEpochSecond());
        }
        List<String> scopes = new ArrayList<>(token.scopes());
        scopes.sort(null);
        data.put("scopes", scopes);
        data.put("granular_scopes", granular(token, scopes));
        if (token.kind() == AccessToken.Kind.USER) {
            data.put("user_id", world.appScopedIdIfKnown(token.subjectId(), app.id()));
        } else if (token.kind() == AccessToken.Kind.SYSTEM_USER) {
            data.put("user_id", token.subjectId());
        }
        return Map.of("data", data);
    }

    private List<Map<String, Object>> granular(AccessToken token, List<String> scopes) {
        List<Map<String, Object>> granular = new ArrayList<>();
        for (String scope : scopes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("scope", scope);
            if (scope.equals("business_management") && token.kind() == AccessToken.Kind.USER) {
                entry.put(
                        "target_ids",
                        world.seatsOfPerson(token.subjectId()).stream()
                                .map(BusinessUser::businessId)
                                .toList());
            }
            granular.add(entry);
        }
        return granular;
    }

    private static @Nullable URI uri(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return new URI(value.strip());
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
