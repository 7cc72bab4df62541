package io.hubwarden.bench;

import io.hubwarden.hub.HubId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in person's session driving the server's forms as a browser does, for a server in another process: the
 * connect wizard with a pasted token and the share form. The session's CSRF token is read from a form once after
 * signing in, which renews it.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern HUB = Pattern.compile("/hubs/([0-9a-fA-F-]{36})$");

    private final URI server;
    private final String cookie;
    private final String csrf;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Browser(URI server, String cookie, String csrf) {
        this.server = server;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static Browser signIn(URI server, String email) throws IOException, InterruptedException {
        var cookie = Cards.signIn(server, email);
        var page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.resolve("/hubs/new"))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the connect wizard has no form: " + page.statusCode());
        }
        return new Browser(server, cookie, token.group(1));
    }

    /** Connects a Meta business with a pasted token through the connect wizard; connecting queues its first sync. */
    HubId connectMeta(String label, String businessId, String token) throws IOException, InterruptedException {
        var form = new LinkedHashMap<String, String>();
        form.put("kind", "META_BUSINESS_MANAGER");
        form.put("label", label);
        form.put("setting.business_id", businessId);
        form.put("credential", "token");
        form.put("token", token);
        var location = post("/hubs/new", form);
        var hub = HUB.matcher(location);
        if (!hub.find()) {
            throw new IllegalStateException("connecting led to " + location + ", not to the hub");
        }
        return new HubId(UUID.fromString(hub.group(1)));
    }

    /** Shares the hub with people of the workspace through the share form, with a seat and the hub role given. */
    void share(HubId hub, List<String> emails, String role, String hubRole) throws IOException, InterruptedException {
        var form = new LinkedHashMap<String, String>();
        form.put("emails", String.join("\n", emails));
        form.put("role", role);
        form.put("hubRole", hubRole);
        form.put("seat", "true");
        form.put("inviteNew", "false");
        var location = post("/hubs/" + hub.value() + "/share", form);
        if (!location.endsWith("/hubs/" + hub.value() + "/share")) {
            throw new IllegalStateException("sharing led to " + location);
        }
    }

    /** Posts the form and returns where the server redirects to; anything but a redirect is a refusal. */
    private String post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        var body = new LinkedHashMap<>(fields);
        body.put("_csrf", csrf);
        var response = http.send(
                HttpRequest.newBuilder(server.resolve(path))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.entrySet().stream()
                                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                                .collect(Collectors.joining("&"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var location = response.headers().firstValue("Location");
        if (response.statusCode() != 302 || location.isEmpty()) {
            var text = response.body();
            throw new IllegalStateException("POST " + path + " refused with " + response.statusCode() + ": "
                    + text.substring(0, Math.min(2000, text.length())));
        }
        return location.get();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
