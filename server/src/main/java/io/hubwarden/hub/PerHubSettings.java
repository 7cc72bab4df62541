package io.hubwarden.hub;

import io.hubwarden.connector.HubSettings;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A hub's own connector settings as stored in one column: form-encoded, sorted by name. */
final class PerHubSettings {

    private PerHubSettings() {}

    static String encode(HubSettings settings) {
        return settings.names().stream()
                .map(name -> encoded(name) + "=" + encoded(settings.value(name).orElseThrow()))
                .collect(Collectors.joining("&"));
    }

    static HubSettings decode(String stored) {
        Map<String, String> values = new TreeMap<>();
        if (!stored.isEmpty()) {
            for (String pair : stored.split("&", -1)) {
                int equals = pair.indexOf('=');
                values.put(decoded(pair.substring(0, equals)), decoded(pair.substring(equals + 1)));
            }
        }
        return HubSettings.of(values);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
