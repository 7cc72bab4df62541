package io.hubwarden.connector;

import java.util.List;

/**
 * The entry point of a connector, one per {@link HubKind}, found with {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.hubwarden.connector.HubConnectorProvider}. Stateless; implementations have a public no-argument
 * constructor.
 */
public interface HubConnectorProvider {

    /** The hub kind this provider connects to. */
    HubKind kind();

    /** The settings an operator configures, in the order a form shows them. */
    List<SettingSpec> settings();

    /**
     * Checks settings offline: presence of required values, their shape (numbers, URLs, versions), unknown names.
     * Never touches the network and never repeats a secret in a problem; whether the hub accepts the values is
     * found by {@link HubConnector#business} instead.
     *
     * @return the problems found, empty when the settings can be used
     */
    List<SettingProblem> validate(HubSettings settings);

    /**
     * Opens a connector for the settings. Cheap and offline: the first network call is the first connector call.
     *
     * @throws IllegalArgumentException if {@link #validate} reports a problem
     */
    HubConnector open(HubSettings settings, HubTransport transport);
}
