package io.hubwarden.web.hubs;

import io.hubwarden.connector.HubKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the connect wizard fills in before the person types anything. Empty in production; the embedded default
 * suggests its demo business, so that a newcomer only has to sign in.
 *
 * @param kind the hub kind to preselect, or {@code null} for the first one installed
 * @param label the label to suggest, or {@code null}
 * @param settings per-hub settings to suggest, by name (such as {@code business_id})
 */
@ConfigurationProperties("hubwarden.dashboard.connect-suggestion")
record ConnectSuggestion(
        @Nullable HubKind kind,
        @Nullable String label,
        @DefaultValue Map<String, String> settings) {

    ConnectSuggestion {
        settings = Map.copyOf(settings);
    }
}
