package io.hubwarden.simulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer from a simulator.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, empty for none
 * @param body the body, sent as UTF-8; empty for none
 * @param headers further response headers
 */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

    /** Copies the headers. */
    public Reply {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static Reply json(int status, String json) {
        return new Reply(status, "application/json; charset=UTF-8", json, Map.of());
    }

    /** An HTML page. */
    public static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=utf-8", html, Map.of());
    }

    /** A plain-text answer. */
    public static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text, Map.of());
    }

    /** A {@code 302 Found} to {@code location}. */
    public static Reply redirect(URI location) {
        return new Reply(302, "", "", Map.of("Location", location.toString()));
    }

    /** This answer with one more header (replacing one of the same name). */
    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }
}
