package io.hubwarden.simulator.tiktok;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the TikTok simulator in tests: the Access-Token header, JSON bodies, redirects not followed. */
final class OpenApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI origin;

    URI origin() {
        return origin;
    }

    OpenApiClient(URI origin) {
        this.origin = origin;
    }

    /** What came back. */
    record Answer(int status, String body, HttpHeaders headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        int code() {
            return json().path("code").asInt(-1);
        }

        JsonNode data() {
            return json().path("data");
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** A GET of an API endpoint ({@code bc/member/get}) with query parameters, as the token's owner. */
    Answer get(String endpoint, String token, Map<String, String> query) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(api(endpoint, query)).GET();
        if (!token.isEmpty()) {
            request.header("Access-Token", token);
        }
        return send(request);
    }

    /** A POST of a JSON body to an API endpoint, as the token's owner. */
    Answer post(String endpoint, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(endpoint, Map.of()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (!token.isEmpty()) {
            request.header("Access-Token", token);
        }
        return send(request);
    }

    /** A GET of any path and query on the simulator's origin. */
    Answer page(String pathAndQuery) {
        return send(HttpRequest.newBuilder(origin.resolve(pathAndQuery)).GET());
    }

    /** A form post, as a browser sends it from one of the simulator's pages. */
    Answer submit(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(origin.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private URI api(String endpoint, Map<String, String> query) {
        String path = TikTokSimulator.API_PREFIX + "/" + endpoint + "/";
        return query.isEmpty() ? origin.resolve(path) : origin.resolve(path + "?" + encode(query));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
