package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * The Business API v1.3 over {@code java.net.http}: {@code /open_api/v1.3/<endpoint>/} paths, the token in the {@code
 * Access-Token} header (never a {@code Bearer} prefix), query strings on GET and JSON bodies on POST, and the envelope
 * {@code {code, message, request_id, data}} unwrapped, every {@code code != 0} turned into a {@link HubFailure}. One
 * request per call: no retries, no waits, nothing remembered.
 */
final class BusinessApi {

    private static final String PREFIX = "/open_api/v1.3/";

    private final TikTokSettings settings;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * Whether the API is reached over plain HTTP (a simulator or a proxy on the machine), where requests are sent as
     * HTTP/1.1: asking for HTTP/2 there makes the JDK client offer an h2c upgrade on every request, which a server that
     * speaks HTTP/1.1 ignores. Over HTTPS, the version is negotiated with TLS and the client's default stands.
     */
    private final boolean cleartext;

    BusinessApi(TikTokSettings settings, HubTransport transport) {
        this.settings = settings;
        this.http = transport.http();
        this.timeout = transport.requestTimeout();
        this.cleartext = "http".equalsIgnoreCase(settings.apiBaseUrl().getScheme());
    }

    /** A GET with the token; returns {@code data} read as {@code type}. */
    <T> T get(String endpoint, Map<String, String> query, Secret token, Class<T> type) {
        return get(endpoint, query, token, ApiWire.JSON.getTypeFactory().constructType(type));
    }

    /** One page of a list endpoint. */
    <T> ApiWire.Listing<T> list(String endpoint, Map<String, String> query, Secret token, Class<T> item) {
        JavaType type = ApiWire.JSON.getTypeFactory().constructParametricType(ApiWire.Listing.class, item);
        return get(endpoint, query, token, type);
    }

    /** A POST of a JSON body with the token; the answer's {@code data} is not read. */
    void post(String endpoint, Map<String, Object> body, Secret token) {
        send(
                request(endpoint, Map.of())
                        .header("Access-Token", token.reveal())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ApiWire.JSON.writeValueAsString(body))),
                List.of(token));
    }

    /** A POST that carries no token but the app's credentials (the code exchange); returns {@code data}. */
    <T> T postAsApp(String endpoint, Map<String, Object> body, Class<T> type, List<Secret> hidden) {
        JsonNode data = send(
                request(endpoint, Map.of())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ApiWire.JSON.writeValueAsString(body))),
                hidden);
        return read(data, ApiWire.JSON.getTypeFactory().constructType(type));
    }

    private <T> T get(String endpoint, Map<String, String> query, Secret token, JavaType type) {
        JsonNode data = send(
                request(endpoint, query).header("Access-Token", token.reveal()).GET(), List.of(token));
        return read(data, type);
    }

    private HttpRequest.Builder request(String endpoint, Map<String, String> query) {
        String url = settings.apiBaseUrl() + PREFIX + endpoint + "/";
        if (!query.isEmpty()) {
            StringJoiner joined = new StringJoiner("&");
            query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            url = url + "?" + joined;
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        return cleartext ? request.version(HttpClient.Version.HTTP_1_1) : request;
    }

    private JsonNode send(HttpRequest.Builder request, List<Secret> hidden) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timedOut) {
            throw new HubUnavailable("TikTok API did not answer in time", null, timedOut);
        } catch (IOException unreachable) {
            throw new HubUnavailable(
                    "TikTok API could not be reached (" + unreachable.getClass().getSimpleName() + ")", null, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HubUnavailable("interrupted while waiting for the TikTok API", null, interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw ApiErrors.unreadable(response.statusCode());
        }
        JsonNode body = parse(response.body());
        JsonNode code = body == null ? null : body.get("code");
        if (body == null || code == null || !code.isNumber()) {
            throw ApiErrors.unreadable(response.statusCode());
        }
        if (code.asInt() != 0) {
            List<Secret> secrets = new ArrayList<>(hidden);
            secrets.add(settings.secret());
            throw ApiErrors.classify(code.asInt(), text(body, "message"), text(body, "request_id"), secrets);
        }
        JsonNode data = body.get("data");
        return data == null || data.isNull() ? ApiWire.JSON.createObjectNode() : data;
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            return ApiWire.JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static <T> T read(JsonNode node, JavaType type) {
        try {
            return ApiWire.JSON.treeToValue(node, type);
        } catch (JacksonException unexpected) {
            // Jackson's message may quote the answer, which can carry tokens: leave it out.
            throw new HubUnavailable(
                    "TikTok API answered in an unexpected shape for "
                            + type.getRawClass().getSimpleName(),
                    null,
                    null);
        }
    }
}
