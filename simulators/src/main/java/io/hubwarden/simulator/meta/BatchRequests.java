package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Graph batch requests: {@code POST /vNN.0/} with {@code batch=[{"method","relative_url","body"}]}, each answered as
 * if sent alone with the outer request's token, in order, at most 50. Dependencies between entries
 * ({@code {result=...}}) are not supported.
 */
final class BatchRequests {

    private static final Pattern VERSION = Pattern.compile("^/?(v\\d+\\.\\d+)(/.*)?$");
    private static final int MAX_ENTRIES = 50;

    private final GraphApi graph;

    BatchRequests(GraphApi graph) {
        this.graph = graph;
    }

    Reply answer(IncomingRequest outer, String version, Map<String, String> headers) {
        JsonNode entries;
        try {
            entries = GraphApi.JSON.readTree(outer.param("batch", "[]"));
        } catch (JacksonException malformed) {
            return GraphApi.error(
                    GraphFailure.invalidParameter("Param batch must be a JSON array"), GraphApi.traceId(), headers);
        }
        if (!entries.isArray() || entries.size() > MAX_ENTRIES) {
            return GraphApi.error(
                    GraphFailure.invalidParameter("Param batch must be a JSON array of at most 50 requests"),
                    GraphApi.traceId(),
                    headers);
        }
        boolean includeHeaders = !"false".equals(outer.param("include_headers"));
        List<@Nullable Object> results = new ArrayList<>();
        for (JsonNode entry : entries) {
            Reply reply = one(outer, entry, version);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("code", reply.status());
            if (includeHeaders) {
                List<Map<String, String>> list = new ArrayList<>();
                list.add(Map.of("name", "Content-Type", "value", reply.contentType()));
                reply.headers().forEach((name, value) -> list.add(Map.of("name", name, "value", value)));
                result.put("headers", list);
            }
            result.put("body", reply.body());
            results.add(result);
        }
        return new Reply(200, "application/json; charset=UTF-8", GraphApi.JSON.writeValueAsString(results), headers);
    }

    /**
     * One entry, answered as if it had been sent alone: its request is built from the entry's parts and the outer
     * request's token, proof and {@code Authorization} header, which the entry's own query, if it names them, takes
     * before.
     */
    private Reply one(IncomingRequest outer, JsonNode entry, String version) {
        String method = entry.path("method").asString("GET").toUpperCase(Locale.ROOT);
        String relative = entry.path("relative_url").asString("");
        URI uri = URI.create("/" + (relative.startsWith("/") ? relative.substring(1) : relative));
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        String entryVersion = version;
        Matcher matcher = VERSION.matcher(path);
        if (matcher.matches()) {
            entryVersion = matcher.group(1);
            path = matcher.group(2) == null ? "/" : matcher.group(2);
        }
        if (path.equals("/") || path.isEmpty()) {
            return GraphApi.error(GraphFailure.unknownPath("/"), GraphApi.traceId(), Map.of());
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Map<String, String> added = new LinkedHashMap<>();
        for (String name : List.of("access_token", "appsecret_proof")) {
            String value = outer.param(name);
            if (value != null && !query.contains(name + "=")) {
                added.put(name, value);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        String bearer = outer.header("authorization");
        if (bearer != null) {
            headers.put("authorization", List.of(bearer));
        }
        IncomingRequest inner = IncomingRequest.of(
                method, decoded(path), query, added, headers, entry.path("body").asString(""), outer.origin());
        return graph.answer(inner, path, entryVersion);
    }

    /**
     * The path as a request sent alone would see it, decoded; most paths have nothing to decode, and one that starts
     * with {@code //} is read as an authority and a path, as it would be on the wire.
     */
    private static String decoded(String rawPath) {
        if (rawPath.indexOf('%') < 0 && !rawPath.startsWith("//")) {
            return rawPath;
        }
        String path = URI.create(rawPath).getPath();
        return path == null ? "" : path;
    }
}
