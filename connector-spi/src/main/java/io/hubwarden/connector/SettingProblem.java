package io.hubwarden.connector;

/**
 * Why a setting cannot be used, as found by {@link HubConnectorProvider#validate(HubSettings)}. The message never
 * repeats a secret value.
 *
 * @param setting the name of the setting at fault
 * @param message what is wrong, for the operator
 */
public record SettingProblem(String setting, String message) {

    /**
     * @throws IllegalArgumentException if either part is blank
     */
    public SettingProblem {
        if (setting.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a problem names a setting and says what is wrong");
        }
    }
}
