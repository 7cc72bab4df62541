package io.hubwarden.hub;

import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubConnectorProvider;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import io.hubwarden.hub.HubsSettings.InstallationSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The connector providers on the class path, found with {@link ServiceLoader}, and the installation's settings for
 * each kind. Opens connectors with the installation's settings merged with a hub's own, over one shared HTTP client.
 */
@Component
class Connectors {

    /** The name problems with the installation's settings are reported under. */
    static final String INSTALLATION = "installation";

    private final Map<HubKind, HubConnectorProvider> providers = new EnumMap<>(HubKind.class);
    private final Map<HubKind, InstallationSettings> installations;
    private final HubTransport transport;

    Connectors(HubsSettings settings, Clock clock) {
        for (HubConnectorProvider provider : ServiceLoader.load(HubConnectorProvider.class)) {
            providers.putIfAbsent(provider.kind(), provider);
        }
        this.installations = settings.installations();
        var http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.transport = new HubTransport(http, clock, settings.sync().requestTimeout());
    }

    /** The kinds a hub can be connected as: a connector is present. */
    List<HubKind> kinds() {
        return List.copyOf(providers.keySet());
    }

    /** The settings a connect form asks for: the connector's, minus those the installation decides. */
    List<SettingSpec> perHubSettings(HubKind kind) {
        var owned = installation(kind).owned();
        return provider(kind).settings().stream()
                .filter(spec -> !owned.contains(spec.name()))
                .toList();
    }

    /**
     * Checks a hub's own settings offline, together with the installation's. Problems with the installation's
     * settings are reported under the name {@code installation}, without the value.
     */
    List<SettingProblem> validate(HubKind kind, HubSettings perHub) {
        var installation = installation(kind);
        var problems = new ArrayList<SettingProblem>();
        for (var problem : provider(kind).validate(merged(installation, perHub))) {
            if (installation.owned().contains(problem.setting())) {
                problems.add(new SettingProblem(INSTALLATION, problem.message()));
            } else {
                problems.add(problem);
            }
        }
        for (var name : perHub.names()) {
            if (installation.owned().contains(name)) {
                problems.add(new SettingProblem(name, "Set by the installation, not per hub."));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Opens a connector for a hub's own settings.
     *
     * @throws IllegalArgumentException when {@link #validate} finds problems
     */
    HubConnector open(HubKind kind, HubSettings perHub) {
        return provider(kind).open(merged(installation(kind), perHub), transport);
    }

    /** The address of the hub's own console for a business, with {@code {business}} for its id, if known. */
    Optional<String> console(HubKind kind) {
        return Optional.ofNullable(installation(kind).console());
    }

    private HubConnectorProvider provider(HubKind kind) {
        var provider = providers.get(kind);
        if (provider == null) {
            throw new IllegalArgumentException("no connector for " + kind + " on the class path");
        }
        return provider;
    }

    private InstallationSettings installation(HubKind kind) {
        @Nullable InstallationSettings installation = installations.get(kind);
        return installation == null ? new InstallationSettings(HubSettings.empty(), Set.of(), null) : installation;
    }

    private static HubSettings merged(InstallationSettings installation, HubSettings perHub) {
        var merged = installation.values();
        for (var name : perHub.names()) {
            if (!installation.owned().contains(name)) {
                merged = merged.with(name, perHub.value(name).orElseThrow());
            }
        }
        return merged;
    }
}
