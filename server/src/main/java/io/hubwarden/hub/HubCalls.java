package io.hubwarden.hub;

import io.hubwarden.connector.HubAuthExpired;
import org.springframework.stereotype.Component;

/** Runs work on a hub through its connector with its unsealed credential; see {@link Hubs#call}. */
@Component
class HubCalls {

    private final HubStore hubs;
    private final Connectors connectors;
    private final HubCredentials credentials;
    private final HubHealthUpdates health;

    HubCalls(HubStore hubs, Connectors connectors, HubCredentials credentials, HubHealthUpdates health) {
        this.hubs = hubs;
        this.connectors = connectors;
        this.credentials = credentials;
        this.health = health;
    }

    <T> T call(HubId id, HubCall<T> call) {
        var hub = hubs.findById(id).orElseThrow(() -> new HubUnknown(id));
        if (!hub.callable()) {
            // Calling with a credential known to be refused would only repeat the refusal.
            throw new HubAuthExpired("The hub's service credential needs to be connected again.", null);
        }
        var connector = connectors.open(hub.kind(), PerHubSettings.decode(hub.settings()));
        try {
            return call.apply(connector, credentials.open(hub));
        } catch (HubAuthExpired expired) {
            health.credentialsExpired(id, String.valueOf(expired.getMessage()));
            throw expired;
        }
    }
}
