package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's hubs read as views straight from their columns, without the credential and settings. Pages that list
 * every hub (the tenant cards of a person with hundreds of hubs above all) read them on every request, and mapping
 * whole aggregates cost far more than the query.
 */
@Component
class HubViews {

    private static final String OF_WORKSPACE = """
            select id, workspace_id, kind, label, business_id, business_name, owner_person_id, health, health_reason,
                   connected_at, last_sync_at, safeguard_percent
              from hub
             where workspace_id = :workspace
             order by label
            """;

    private final JdbcClient jdbc;
    private final Connectors connectors;

    /**
     * Each business's console address, parsed once: parsing it again for every hub of every listing cost more than
     * reading the hub's row. One entry per business ever listed, so it grows no larger than the hubs connected.
     */
    private final Map<String, URI> consoleUrls = new ConcurrentHashMap<>();

    HubViews(JdbcClient jdbc, Connectors connectors) {
        this.jdbc = jdbc;
        this.connectors = connectors;
    }

    List<HubView> of(WorkspaceId workspace) {
        Map<HubKind, @Nullable String> consoles = new EnumMap<>(HubKind.class);
        return jdbc.sql(OF_WORKSPACE)
                .param("workspace", workspace.value())
                .query((resultSet, row) -> view(resultSet, consoles))
                .list();
    }

    private HubView view(ResultSet row, Map<HubKind, @Nullable String> consoles) throws SQLException {
        var kind = HubKind.valueOf(row.getString("kind"));
        var businessId = row.getString("business_id");
        if (!consoles.containsKey(kind)) {
            consoles.put(kind, connectors.console(kind).orElse(null));
        }
        var console = consoles.get(kind);
        Timestamp lastSync = row.getTimestamp("last_sync_at");
        return new HubView(
                new HubId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                kind,
                row.getString("label"),
                businessId,
                row.getString("business_name"),
                new PersonId(row.getObject("owner_person_id", UUID.class)),
                HubHealth.valueOf(row.getString("health")),
                row.getString("health_reason"),
                row.getTimestamp("connected_at").toInstant(),
                lastSync == null ? null : lastSync.toInstant(),
                row.getInt("safeguard_percent"),
                console == null ? null : consoleUrl(console.replace("{business}", businessId)));
    }

    private URI consoleUrl(String address) {
        return consoleUrls.computeIfAbsent(address, URI::create);
    }
}
