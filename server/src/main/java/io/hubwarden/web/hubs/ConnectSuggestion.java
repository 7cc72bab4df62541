package io.hubwarden.web.hubs;

import io.hubwarden.connector.HubKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the connect wizard fills in before the person types anything. Empty in production; the embedded default
 * suggests its demo business and its demo Business Center, so that a newcomer only has to sign in.
 *
 * @param kind the hub kind to preselect, or {@code null} for the first one with a suggestion (else the first installed)
 * @param hubs what to fill in per hub kind
 */
@ConfigurationProperties("hubwarden.dashboard.connect-suggestion")
record ConnectSuggestion(
        @Nullable HubKind kind, @DefaultValue Map<HubKind, Hub> hubs) {

    ConnectSuggestion {
        hubs = Map.copyOf(hubs);
    }

    /**
     * The suggestion for one hub kind.
     *
     * @param label the label to suggest, or {@code null}
     * @param settings per-hub settings to suggest, by name (such as {@code business_id})
     */
    record Hub(@Nullable String label, @DefaultValue Map<String, String> settings) {

        Hub {
            settings = Map.copyOf(settings);
        }
    }
}
