package io.hubwarden.hub;

import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.ServiceCredential;

/**
 * Work done on a hub through its connector with the hub's service credential; see {@link Hubs#call}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface HubCall<T> {

    /** Does the work; may throw any {@link io.hubwarden.connector.HubFailure}. */
    T apply(HubConnector connector, ServiceCredential credential);
}
