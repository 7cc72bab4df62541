package io.hubwarden.connector.meta;

import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubConnectorProvider;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import java.util.List;

/**
 * The connector for Meta Business Manager (business portfolios), over the Graph API. Found with {@link
 * java.util.ServiceLoader}.
 */
public final class MetaConnectorProvider implements HubConnectorProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public MetaConnectorProvider() {}

    @Override
    public HubKind kind() {
        return HubKind.META_BUSINESS_MANAGER;
    }

    @Override
    public List<SettingSpec> settings() {
        return MetaSettings.SPECS;
    }

    @Override
    public List<SettingProblem> validate(HubSettings settings) {
        return MetaSettings.problems(settings);
    }

    @Override
    public HubConnector open(HubSettings settings, HubTransport transport) {
        MetaSettings parsed = MetaSettings.parse(settings);
        Graph graph = new Graph(parsed, transport);
        return new MetaConnector(parsed, graph, new FacebookLogin(parsed, graph, transport.clock()));
    }
}
