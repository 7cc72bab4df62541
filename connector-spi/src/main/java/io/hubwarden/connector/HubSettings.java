package io.hubwarden.connector;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values an operator configured for one hub connection, keyed by {@link SettingSpec#name()}. Blank values count
 * as absent. {@link #toString()} lists names only, because some values are secrets.
 */
public final class HubSettings {

    private final Map<String, String> values;

    private HubSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The given values; blank ones are dropped. */
    public static HubSettings of(Map<String, String> values) {
        Map<String, String> present = new HashMap<>();
        values.forEach((name, value) -> {
            if (!value.isBlank()) {
                present.put(name, value.trim());
            }
        });
        return new HubSettings(present);
    }

    /** No values at all. */
    public static HubSettings empty() {
        return new HubSettings(Map.of());
    }

    /** The value of a setting, trimmed, if present. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a secret setting, if present. */
    public Optional<Secret> secret(String name) {
        return value(name).map(Secret::of);
    }

    /** The names of the settings present. */
    public Set<String> names() {
        return new TreeSet<>(values.keySet());
    }

    /** A copy with one setting set, or removed when the value is blank. */
    public HubSettings with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return of(copy);
    }

    /** A copy without one setting. */
    public HubSettings without(String name) {
        Map<String, String> copy = new HashMap<>(values);
        copy.remove(name);
        return new HubSettings(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HubSettings settings && values.equals(settings.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "HubSettings" + names();
    }
}
