package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * One setting that an operator configures for a hub connection, described well enough for a form to render it.
 *
 * @param name the key in {@link HubSettings}
 * @param label a short caption
 * @param help one or two sentences on where to find the value
 * @param secret whether the value must be masked on screen and stored encrypted
 * @param required whether the connector cannot work without it
 * @param defaultValue what the connector uses when the setting is absent, or {@code null}
 */
public record SettingSpec(
        String name,
        String label,
        String help,
        boolean secret,
        boolean required,
        @Nullable String defaultValue) {

    /**
     * @throws IllegalArgumentException if the name or label is blank, or a secret has a default
     */
    public SettingSpec {
        if (name.isBlank() || label.isBlank()) {
            throw new IllegalArgumentException("a setting needs a name and a label");
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("a secret setting cannot have a default");
        }
    }
}
