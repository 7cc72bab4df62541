package io.hubwarden.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as a simulated hub sees it: the parameters of the query string and of the body merged, whatever the
 * method, from {@code application/x-www-form-urlencoded} or {@code multipart/form-data} bodies (the official Meta SDK
 * sends multipart even on DELETE). Other bodies (JSON) are kept as text in {@link #body()}.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded request path
 * @param params query parameters first, then body parameters, each name with its values in order
 * @param headers request headers, names in lower case
 * @param body the raw body as UTF-8 text, whatever its type (form data is also parsed into {@code params})
 * @param origin the scheme, host and port of the listener that received it, e.g. {@code https://127.0.0.1:8443}
 */
public record IncomingRequest(
        String method,
        String path,
        Map<String, List<String>> params,
        Map<String, List<String>> headers,
        String body,
        URI origin) {

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** Keeps the given maps as they are: they are built once by {@link #parse} and never changed. */
    public IncomingRequest {
        params = Collections.unmodifiableMap(params);
        headers = Collections.unmodifiableMap(headers);
    }

    /**
     * Reads a request off the wire.
     *
     * @throws IOException when the body cannot be read or exceeds {@value #MAX_BODY_BYTES} bytes
     */
    public static IncomingRequest parse(
            String method, URI uri, Map<String, List<String>> rawHeaders, InputStream bodyStream, URI origin)
            throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        rawHeaders.forEach(
                (name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .addAll(values));
        Map<String, List<String>> params = new LinkedHashMap<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null) {
            addUrlEncoded(rawQuery, params);
        }
        byte[] bytes = readAll(bodyStream);
        addBody(bytes, first(headers, "content-type"), params);
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return new IncomingRequest(
                method.toUpperCase(Locale.ROOT),
                path,
                params,
                headers,
                new String(bytes, StandardCharsets.UTF_8),
                origin);
    }

    /**
     * A request that arrived inside another, such as an entry of a Graph batch, as {@link #parse} reads it when it
     * comes alone: the parameters of its query, then {@code added}, then those of its body. The added values are
     * taken as they are, rather than encoded into the query only to be decoded again.
     *
     * @param path the decoded request path
     * @param rawQuery the query as it would be sent, still encoded; empty for none
     * @param headers request headers, names in lower case
     */
    public static IncomingRequest of(
            String method,
            String path,
            String rawQuery,
            Map<String, String> added,
            Map<String, List<String>> headers,
            String body,
            URI origin) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        addUrlEncoded(rawQuery, params);
        added.forEach((name, value) ->
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        addBody(body.getBytes(StandardCharsets.UTF_8), first(headers, "content-type"), params);
        return new IncomingRequest(
                method.toUpperCase(Locale.ROOT), path.isEmpty() ? "/" : path, params, headers, body, origin);
    }

    private static void addBody(byte[] bytes, @Nullable String contentType, Map<String, List<String>> params) {
        if (bytes.length > 0) {
            String lowerType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (lowerType.startsWith("application/x-www-form-urlencoded")) {
                addUrlEncoded(new String(bytes, StandardCharsets.ISO_8859_1), params);
            } else if (lowerType.startsWith("multipart/form-data") && contentType != null) {
                addMultipart(bytes, boundary(contentType), params);
            }
        }
    }

    /** The first value of a parameter, or null when absent. */
    public @Nullable String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a parameter, or {@code absent} when missing or blank. */
    public String param(String name, String absent) {
        String value = param(name);
        return value == null || value.isBlank() ? absent : value;
    }

    /** The first value of a header (name in any case), or null when absent. */
    public @Nullable String header(String name) {
        return first(headers, name.toLowerCase(Locale.ROOT));
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    public @Nullable String bearerToken() {
        String authorization = header("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static @Nullable String first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void addUrlEncoded(String encoded, Map<String, List<String>> params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    private static String boundary(String contentType) {
        for (String piece : contentType.split(";")) {
            String trimmed = piece.strip();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9);
                return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return "";
    }

    /** Form fields of a multipart body; file parts are read as UTF-8 text like any other field. */
    private static void addMultipart(byte[] bytes, String boundary, Map<String, List<String>> params) {
        if (boundary.isEmpty()) {
            return;
        }
        String content = new String(bytes, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int position = content.indexOf(delimiter);
        while (position >= 0) {
            int partStart = content.indexOf('\n', position);
            if (partStart < 0 || content.startsWith(delimiter + "--", position)) {
                return;
            }
            int next = content.indexOf(delimiter, partStart);
            if (next < 0) {
                return;
            }
            String part = content.substring(partStart + 1, next);
            int headerEnd = part.indexOf("\r\n\r\n");
            int bodyStart = headerEnd + 4;
            if (headerEnd < 0) {
                headerEnd = part.indexOf("\n\n");
                bodyStart = headerEnd + 2;
            }
            if (headerEnd >= 0) {
                String name = fieldName(part.substring(0, headerEnd));
                String value = part.substring(bodyStart);
                if (value.endsWith("\r\n")) {
                    value = value.substring(0, value.length() - 2);
                } else if (value.endsWith("\n")) {
                    value = value.substring(0, value.length() - 1);
                }
                if (name != null) {
                    String text = new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    params.computeIfAbsent(name, n -> new ArrayList<>()).add(text);
                }
            }
            position = next;
        }
    }

    private static @Nullable String fieldName(String partHeaders) {
        for (String line : partHeaders.split("\r?\n")) {
            if (line.regionMatches(true, 0, "content-disposition:", 0, 20)) {
                for (String piece : line.substring(20).split(";")) {
                    String trimmed = piece.strip();
                    if (trimmed.startsWith("name=")) {
                        String value = trimmed.substring(5);
                        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                                ? value.substring(1, value.length() - 1)
                                : value;
                    }
                }
            }
        }
        return null;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (out.size() + read > MAX_BODY_BYTES) {
                throw new IOException("request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
