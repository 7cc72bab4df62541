package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a person asked to connect: the hub kind, a label, and the hub's own settings (the connect form's fields).
 * Serializable so that the OAuth round trip can keep it in the session.
 *
 * @param settings the per-hub settings by name, such as {@code business_id}
 */
public record HubConnection(HubKind kind, String label, Map<String, String> settings) implements Serializable {

    private static final long serialVersionUID = 1L;

    public HubConnection {
        settings = new TreeMap<>(settings);
    }

    @Override
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(settings);
    }
}
