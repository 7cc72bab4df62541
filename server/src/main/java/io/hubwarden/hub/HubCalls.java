package io.hubwarden.hub;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs work on a hub through its connector with its unsealed credential; see {@link Hubs#call}.
 *
 * <p>Every call reads what it needs of the hub (its kind, settings, health and sealed credential) as one row rather
 * than the aggregate: an invitation is one call, and mapping the whole hub cost more than the statement. The
 * connector opened for a hub's settings is kept for the next call with the same settings, since connectors are
 * stateless and keep no credential; the credential is unsealed for each call and kept by none.
 */
@Component
class HubCalls {

    private static final String CALLABLE = "select kind, settings, credential, health from hub where id = :id";

    private final JdbcClient jdbc;
    private final Connectors connectors;
    private final HubCredentials credentials;
    private final HubHealthUpdates health;

    /** The connector last opened for each hub, with the settings it was opened for: one entry per hub called. */
    private final Map<HubId, Opened> opened = new ConcurrentHashMap<>();

    HubCalls(JdbcClient jdbc, Connectors connectors, HubCredentials credentials, HubHealthUpdates health) {
        this.jdbc = jdbc;
        this.connectors = connectors;
        this.credentials = credentials;
        this.health = health;
    }

    <T> T call(HubId id, HubCall<T> call) {
        var hub = jdbc.sql(CALLABLE)
                .param("id", id.value())
                .query((row, number) -> new Callable(
                        HubKind.valueOf(row.getString(1)),
                        row.getString(2),
                        row.getString(3),
                        HubHealth.valueOf(row.getString(4))))
                .optional()
                .orElseThrow(() -> new HubUnknown(id));
        if (!Hub.callable(hub.health())) {
            // Calling with a credential known to be refused would only repeat the refusal.
            throw new HubAuthExpired("The hub's service credential needs to be connected again.", null);
        }
        try {
            return call.apply(connector(id, hub), credentials.open(id, hub.credential()));
        } catch (HubAuthExpired expired) {
            health.credentialsExpired(id, String.valueOf(expired.getMessage()));
            throw expired;
        }
    }

    private HubConnector connector(HubId id, Callable hub) {
        var last = opened.get(id);
        if (last != null && last.kind() == hub.kind() && last.settings().equals(hub.settings())) {
            return last.connector();
        }
        var connector = connectors.open(hub.kind(), PerHubSettings.decode(hub.settings()));
        opened.put(id, new Opened(hub.kind(), hub.settings(), connector));
        return connector;
    }

    /** What a call needs of the hub; the credential still sealed. */
    private record Callable(HubKind kind, String settings, String credential, HubHealth health) {}

    private record Opened(HubKind kind, String settings, HubConnector connector) {}
}
