package io.hubwarden.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person in front of the Meta simulator's Facebook Login dialog, over loopback HTTP: signs in on the dialog
 * Hubwarden redirected to, then clicks Continue or Cancel, and reports where the dialog sends the browser back.
 */
final class FacebookLoginDialog {

    private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in as {@code email} on the dialog at {@code dialog} and clicks Continue; returns the way back. */
    URI allow(URI dialog, String email, String password) {
        return answer(dialog, email, password, "grant");
    }

    /** Signs in and clicks Cancel; returns the way back. */
    URI deny(URI dialog, String email, String password) {
        return answer(dialog, email, password, "deny");
    }

    private URI answer(URI dialog, String email, String password, String action) {
        var consent = post(dialog, Map.of("action", "login", "email", email, "password", password));
        if (consent.statusCode() != 200) {
            throw new AssertionError("the dialog refused the sign-in: " + consent.statusCode());
        }
        var session = SESSION.matcher(consent.body());
        if (!session.find()) {
            throw new AssertionError("the dialog showed no consent page");
        }
        var back = post(dialog, Map.of("action", action, "session", session.group(1)));
        return URI.create(back.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("the dialog did not send the browser back")));
    }

    private HttpResponse<String> post(URI dialog, Map<String, String> fields) {
        var body = new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                        .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(dialog)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the simulator did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
