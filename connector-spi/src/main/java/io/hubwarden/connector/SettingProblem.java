package io.hubwarden.connector;

/**
 * Why a setting cannot be used, as found by {@link HubConnectorProvider#validate(HubSettings)}. The message never
 * repeats a secret value.
 *
 * @param setting the name of the setting at fault
 * @param message what is wrong, for the operator
 */
public record SettingProblem(String setting, String message) {}
