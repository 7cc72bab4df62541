package io.hubwarden.connector.meta;

import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The Graph API over {@code java.net.http}: versioned paths, the access token and {@code appsecret_proof} on every
 * call, form-encoded writes, and every failure turned into a {@link HubFailure}. One request per call: no retries, no
 * waits, nothing remembered between calls. Tokens travel in the query or the body, as the Graph API documents, and
 * never appear in a failure.
 */
final class Graph {

    /** Graph's largest page on the edges the connector reads. */
    static final int MAX_LIMIT = 100;

    /** Graph's most requests in one batch. */
    static final int MAX_BATCH = 50;

    /** Node ids are digits, or {@code act_} and digits for ad accounts; anything else could change the path. */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private static final String FORM = "application/x-www-form-urlencoded";

    private final MetaSettings settings;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * Whether Graph is reached over plain HTTP (a simulator or a proxy on the machine), where requests are sent as
     * HTTP/1.1: asking for HTTP/2 there makes the JDK client offer an h2c upgrade on every request, which a server that
     * speaks HTTP/1.1 ignores. Over HTTPS, the version is negotiated with TLS and the client's default stands.
     */
    private final boolean cleartext;

    /**
     * The Mac keyed with the app secret that each proof copies; never used itself, so that threads sharing the
     * connector do not share a Mac's state. Keyed on first use; a race only keys it twice.
     */
    private volatile @Nullable Mac keyed;

    Graph(MetaSettings settings, HubTransport transport) {
        this.settings = settings;
        this.http = transport.http();
        this.timeout = transport.requestTimeout();
        this.cleartext = "http".equalsIgnoreCase(settings.graphBaseUrl().getScheme());
    }

    /**
     * Checks that an id is a single Graph node id, so that it cannot point the request elsewhere.
     *
     * @throws IllegalArgumentException if it is not
     */
    static String node(String id) {
        if (!NODE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Graph node id");
        }
        return id;
    }

    <T> T get(String path, Map<String, String> params, Secret token, Class<T> type) {
        return read(
                send(
                        withToken(params, token),
                        token,
                        query -> request(path, query).GET()),
                type);
    }

    /** One page of an edge, at most {@link #MAX_LIMIT} items, continuing after the page's cursor. */
    <T> GraphWire.Listing<T> list(
            String path, Map<String, String> params, Secret token, Class<T> item, PageRequest page) {
        Map<String, String> paged = paged(params, page);
        List<Secret> hidden = List.of(token);
        HttpResponse<String> response = exchange(
                withToken(paged, token), hidden, query -> request(path, query).GET());
        if (response.statusCode() / 100 == 2) {
            GraphWire.Listing<T> listing = listing(response.body(), item);
            if (listing != null) {
                return listing;
            }
        }
        return read(answer(response, hidden), listingOf(item));
    }

    private static JavaType listingOf(Class<?> item) {
        return GraphWire.JSON.getTypeFactory().constructParametricType(GraphWire.Listing.class, item);
    }

    /**
     * A page read straight from the answer's text, without building a tree of it first: {@code null} when the answer
     * carries an error or is not a page, which the tree then reads as before.
     */
    private static <T> GraphWire.@Nullable Listing<T> listing(String body, Class<T> item) {
        GraphPages.ItemReader<T> streamed = GraphPages.reader(item);
        if (streamed != null) {
            return GraphPages.read(body, streamed);
        }
        JavaType type = GraphWire.JSON.getTypeFactory().constructParametricType(GraphWire.PageAnswer.class, item);
        try {
            GraphWire.PageAnswer<T> answer = GraphWire.JSON.readValue(body, type);
            return answer.error() == null ? new GraphWire.Listing<>(answer.data(), answer.paging()) : null;
        } catch (JacksonException notAPage) {
            return null;
        }
    }

    /** The parameters with the page's size (at most {@link #MAX_LIMIT}) and its cursor, as Graph pages them. */
    private static Map<String, String> paged(Map<String, String> params, PageRequest page) {
        Map<String, String> paged = new LinkedHashMap<>(params);
        paged.put("limit", Integer.toString(Math.min(page.size(), MAX_LIMIT)));
        String cursor = page.cursor();
        if (cursor != null) {
            paged.put("after", cursor);
        }
        return paged;
    }

    /**
     * The same page of several edges, in Graph batch requests of at most {@link #MAX_BATCH} each. Each element gives
     * that edge's page, or throws the failure Graph answered for it alone, so that one missing node does not fail the
     * others.
     */
    <T> List<Supplier<GraphWire.Listing<T>>> listEach(
            List<String> paths, Map<String, String> params, Secret token, Class<T> item, PageRequest page) {
        Map<String, String> paged = paged(params, page);
        List<BatchEntry> entries =
                paths.stream().map(path -> BatchEntry.get(path, paged)).toList();
        List<Supplier<GraphWire.Listing<T>>> answers = new ArrayList<>(paths.size());
        for (JsonNode result : results(entries, token, false)) {
            answers.add(batchedPage(result, item, token));
        }
        return answers;
    }

    /** One page of each edge, each with its own parameters, as {@link #listEach} reads them. */
    <T> List<Supplier<GraphWire.Listing<T>>> listEach(
            List<BatchEntry> reads, Secret token, Class<T> item, PageRequest page) {
        List<BatchEntry> entries = reads.stream()
                .map(read -> BatchEntry.get(read.path(), paged(read.params(), page)))
                .toList();
        List<Supplier<GraphWire.Listing<T>>> answers = new ArrayList<>(reads.size());
        for (JsonNode result : results(entries, token, true)) {
            answers.add(batchedPage(result, item, token));
        }
        return answers;
    }

    /**
     * Writes in Graph batch requests, answered in order as each would be alone ({@link #post} and {@link #delete}),
     * or with the failure Graph answered for it alone. The answers carry their headers, so that a throttled write
     * knows the wait Graph asks for.
     */
    List<Supplier<GraphWire.WriteResult>> writeEach(List<BatchEntry> writes, Secret token) {
        List<Supplier<GraphWire.WriteResult>> answers = new ArrayList<>(writes.size());
        for (JsonNode result : results(writes, token, true)) {
            Supplier<GraphWire.WriteResult> answer =
                    batched(result, GraphWire.JSON.getTypeFactory().constructType(GraphWire.WriteResult.class), token);
            answers.add(() -> applied(answer.get()));
        }
        return answers;
    }

    /**
     * The results of the entries, sent in Graph batch requests of at most {@link #MAX_BATCH} each ({@code POST /} with
     * a {@code batch} parameter, the token and proof given once for all); a failure of a batch request as a whole is
     * thrown.
     */
    private List<JsonNode> results(List<BatchEntry> entries, Secret token, boolean withHeaders) {
        List<JsonNode> all = new ArrayList<>(entries.size());
        for (int from = 0; from < entries.size(); from += MAX_BATCH) {
            List<BatchEntry> chunk = entries.subList(from, Math.min(entries.size(), from + MAX_BATCH));
            ArrayNode batch = GraphWire.JSON.createArrayNode();
            for (BatchEntry entry : chunk) {
                String url = settings.apiVersion() + "/" + entry.path();
                if (entry.method().equals("POST")) {
                    batch.addObject()
                            .put("method", "POST")
                            .put("relative_url", url)
                            .put("body", encode(entry.params()));
                } else {
                    batch.addObject()
                            .put("method", entry.method())
                            .put("relative_url", entry.params().isEmpty() ? url : url + "?" + encode(entry.params()));
                }
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("batch", batch.toString());
            form.put("include_headers", Boolean.toString(withHeaders));
            JsonNode results = send(
                    withToken(form, token),
                    token,
                    body -> request("", Map.of())
                            .header("Content-Type", FORM)
                            .POST(HttpRequest.BodyPublishers.ofString(encode(body))));
            if (!results.isArray() || results.size() != chunk.size()) {
                throw new HubUnavailable("Graph API answered a batch with a different number of results", null, null);
            }
            results.forEach(all::add);
        }
        return all;
    }

    /** A page in a batch's result, read straight from its text when it is one, else as {@link #batched} reads it. */
    private <T> Supplier<GraphWire.Listing<T>> batchedPage(JsonNode result, Class<T> item, Secret token) {
        JsonNode body = result.path("body");
        if (result.path("code").asInt(0) / 100 == 2 && body.isString()) {
            GraphWire.Listing<T> listing = listing(body.asString(), item);
            if (listing != null) {
                return () -> listing;
            }
        }
        return batched(result, listingOf(item), token);
    }

    /**
     * One result of a batch, {@code {"code":200,"body":"<JSON as text>"}}, read as if it had been sent alone: a
     * throttled one waits what its usage header says, when the result carries its headers.
     */
    private <T> Supplier<T> batched(JsonNode result, JavaType type, Secret token) {
        JsonNode body = result.isObject() ? parse(result.path("body").asString("")) : null;
        JsonNode error = body == null ? null : body.get("error");
        if (error != null && error.isObject()) {
            HubFailure failure = GraphErrors.classify(
                    read(error, GraphWire.GraphError.class),
                    GraphErrors.retryAfter(header(result, "X-Business-Use-Case-Usage")),
                    List.of(token, settings.appSecret()));
            return () -> {
                throw failure;
            };
        }
        if (body == null || result.path("code").asInt(0) / 100 != 2) {
            HubFailure failure = GraphErrors.unreadable(result.path("code").asInt(0));
            return () -> {
                throw failure;
            };
        }
        T value = read(body, type);
        return () -> value;
    }

    /** A header of a batch result, {@code "headers":[{"name":…,"value":…}]}, compared without regard to case. */
    private static @Nullable String header(JsonNode result, String name) {
        for (JsonNode header : result.path("headers")) {
            if (name.equalsIgnoreCase(header.path("name").asString(""))) {
                return header.path("value").asString(null);
            }
        }
        return null;
    }

    /**
     * A form-encoded POST, as the Graph API documents for creations and updates.
     *
     * @throws HubRejected if Graph answers {@code "success": false}
     */
    GraphWire.WriteResult post(String path, Map<String, String> params, Secret token) {
        return applied(read(
                send(
                        withToken(params, token),
                        token,
                        form -> request(path, Map.of())
                                .header("Content-Type", FORM)
                                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))),
                GraphWire.WriteResult.class));
    }

    /**
     * A DELETE with its parameters in the query, which every Graph endpoint accepts.
     *
     * @throws HubRejected if Graph answers {@code "success": false}
     */
    GraphWire.WriteResult delete(String path, Map<String, String> params, Secret token) {
        return applied(read(
                send(
                        withToken(params, token),
                        token,
                        query -> request(path, query).DELETE()),
                GraphWire.WriteResult.class));
    }

    /** Graph answers some writes it did not apply with {@code "success": false} and no error. */
    private static GraphWire.WriteResult applied(GraphWire.WriteResult result) {
        if (Boolean.FALSE.equals(result.success())) {
            throw new HubRejected("success=false", "Graph did not apply the change", null);
        }
        return result;
    }

    /**
     * A GET that carries no user token: the OAuth exchanges, which authenticate with the app secret.
     *
     * @param hidden values besides the app secret that must never appear in a failure (the token being exchanged)
     */
    <T> T getAsApp(String path, Map<String, String> params, Class<T> type, List<Secret> hidden) {
        return read(send(params, hidden, query -> request(path, query).GET()), type);
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        String url = settings.graphBaseUrl() + "/" + settings.apiVersion() + "/" + path;
        if (!query.isEmpty()) {
            url = url + "?" + encode(query);
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        return cleartext ? request.version(HttpClient.Version.HTTP_1_1) : request;
    }

    private Map<String, String> withToken(Map<String, String> params, Secret token) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put("access_token", token.reveal());
        signed.put("appsecret_proof", proof(token));
        return signed;
    }

    /**
     * {@code appsecret_proof}: hex HMAC-SHA256 of the access token, keyed with the app secret. Each proof is computed
     * on a copy of a Mac keyed once per connector: looking the algorithm up and keying it for every request cost more
     * than the HMAC.
     */
    String proof(Secret token) {
        Mac mac = keyedMac();
        return HexFormat.of().formatHex(mac.doFinal(token.reveal().getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh copy of the keyed Mac, or a newly keyed one where the provider's Mac cannot be copied. */
    private Mac keyedMac() {
        Mac prototype = keyed;
        if (prototype == null) {
            prototype = newKeyedMac();
            keyed = prototype;
        }
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCopyable) {
            return newKeyedMac();
        }
    }

    private Mac newKeyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.appSecret().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // Every Java runtime ships HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
        }
    }

    private JsonNode send(Map<String, String> params, Secret token, RequestShape shape) {
        return send(params, List.of(token), shape);
    }

    private JsonNode send(Map<String, String> params, List<Secret> hidden, RequestShape shape) {
        return answer(exchange(params, hidden, shape), hidden);
    }

    private HttpResponse<String> exchange(Map<String, String> params, List<Secret> hidden, RequestShape shape) {
        try {
            return http.send(shape.build(params).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timedOut) {
            throw new HubUnavailable("Graph API did not answer in time", null, timedOut);
        } catch (IOException unreachable) {
            throw new HubUnavailable(
                    "Graph API could not be reached (" + unreachable.getClass().getSimpleName() + ")", null, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HubUnavailable("interrupted while waiting for the Graph API", null, interrupted);
        }
    }

    /** The answer as a tree, or the failure it carries: Graph's error, or an answer that is not JSON. */
    private JsonNode answer(HttpResponse<String> response, List<Secret> hidden) {
        JsonNode body = parse(response.body());
        JsonNode error = body == null ? null : body.get("error");
        boolean ok = response.statusCode() / 100 == 2;
        if (error != null && error.isObject()) {
            GraphWire.GraphError parsed = read(error, GraphWire.GraphError.class);
            Duration wait = GraphErrors.retryAfter(
                    response.headers().firstValue("X-Business-Use-Case-Usage").orElse(null));
            List<Secret> secrets = new ArrayList<>(hidden);
            secrets.add(settings.appSecret());
            throw GraphErrors.classify(parsed, wait, secrets);
        }
        if (!ok || body == null) {
            throw GraphErrors.unreadable(response.statusCode());
        }
        return body;
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            return GraphWire.JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        return read(node, GraphWire.JSON.getTypeFactory().constructType(type));
    }

    private static <T> T read(JsonNode node, JavaType type) {
        try {
            return GraphWire.JSON.treeToValue(node, type);
        } catch (JacksonException unexpected) {
            // Jackson's message may quote the answer, and answers can carry tokens (paging URLs): leave it out.
            throw new HubUnavailable(
                    "Graph API answered in an unexpected shape for "
                            + type.getRawClass().getSimpleName(),
                    null,
                    null);
        }
    }

    private static String encode(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** One request of a Graph batch: a GET or DELETE carries its parameters in its URL, a POST in its body. */
    record BatchEntry(String method, String path, Map<String, String> params) {

        static BatchEntry get(String path, Map<String, String> params) {
            return new BatchEntry("GET", path, params);
        }

        static BatchEntry post(String path, Map<String, String> params) {
            return new BatchEntry("POST", path, params);
        }

        static BatchEntry delete(String path, Map<String, String> params) {
            return new BatchEntry("DELETE", path, params);
        }
    }

    /** Builds the request for the final parameters, which carry the token. */
    @FunctionalInterface
    private interface RequestShape {
        HttpRequest.Builder build(Map<String, String> params);
    }
}
