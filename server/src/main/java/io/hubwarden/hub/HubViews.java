package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final String ONE = """
            select id, workspace_id, kind, label, business_id, business_name, owner_person_id, health, health_reason,
                   connected_at, last_sync_at, safeguard_percent
              from hub
             where id = :id and workspace_id = :workspace
            """;

    /**
     * What a tenant card shows of each hub, with {@link #VERSION_OF_WORKSPACE}'s figures joined to every row: the
     * cards' tag costs no statement of its own, and the version is that of the rows read. The figures come from a
     * derived table that is read once; as window functions over the rows, they cost H2 ten times the rows themselves.
     */
    private static final String SUMMARIES_OF_WORKSPACE = """
            select h.id, h.kind, h.label, h.business_id, h.business_name, v.hubs, v.versions, v.latest
              from (select count(*) as hubs, sum(version) as versions, max(connected_at) as latest
                      from hub
                     where workspace_id = :workspace) v
             cross join hub h
             where h.workspace_id = :workspace
             order by h.label
            """;

    /**
     * Every change of a hub saves its aggregate with a new version, and a hub connected adds a row with the latest
     * connection time: the count, the sum of the versions and the latest connection move whenever a view would read
     * differently.
     */
    private static final String VERSION_OF_WORKSPACE =
            "select count(*), sum(version), max(connected_at) from hub where workspace_id = :workspace";

    // The columns by position: finding each by name, on every row, cost more than reading it.
    private static final int ID = 1;
    private static final int WORKSPACE_ID = 2;
    private static final int KIND = 3;
    private static final int LABEL = 4;
    private static final int BUSINESS_ID = 5;
    private static final int BUSINESS_NAME = 6;
    private static final int OWNER_PERSON_ID = 7;
    private static final int HEALTH = 8;
    private static final int HEALTH_REASON = 9;
    private static final int CONNECTED_AT = 10;
    private static final int LAST_SYNC_AT = 11;
    private static final int SAFEGUARD_PERCENT = 12;

    // The summaries' columns.
    private static final int SUMMARY_ID = 1;
    private static final int SUMMARY_KIND = 2;
    private static final int SUMMARY_LABEL = 3;
    private static final int SUMMARY_BUSINESS_ID = 4;
    private static final int SUMMARY_BUSINESS_NAME = 5;
    private static final int SUMMARY_COUNT = 6;
    private static final int SUMMARY_VERSIONS = 7;
    private static final int SUMMARY_LATEST_CONNECTION = 8;

    private final JdbcClient jdbc;
    private final Connectors connectors;

    /**
     * Each business's console address, parsed once: parsing it again for every hub of every listing cost more than
     * reading the hub's row. One entry per business ever listed, so it grows no larger than the hubs connected.
     */
    private final Map<ConsoleOf, URI> consoleUrls = new ConcurrentHashMap<>();

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

    /**
     * One hub of the workspace, read as a view: every "shared with you" mail reads its hub, and mapping the aggregate,
     * credential and settings included, cost more than the statement.
     */
    Optional<HubView> one(WorkspaceId workspace, HubId id) {
        Map<HubKind, @Nullable String> consoles = new EnumMap<>(HubKind.class);
        return jdbc.sql(ONE)
                .param("id", id.value())
                .param("workspace", workspace.value())
                .query((resultSet, row) -> view(resultSet, consoles))
                .optional();
    }

    String versionOf(WorkspaceId workspace) {
        var version = consolesVersion();
        jdbc.sql(VERSION_OF_WORKSPACE).param("workspace", workspace.value()).query(row -> {
            version.append(row.getLong(1))
                    .append(' ')
                    .append(row.getString(2))
                    .append(' ')
                    .append(row.getString(3));
        });
        return version.toString();
    }

    /** The workspace's hubs as cards show them, with the same version as {@link #versionOf}, in one statement. */
    HubSummaries summariesOf(WorkspaceId workspace) {
        Map<HubKind, @Nullable String> consoles = new EnumMap<>(HubKind.class);
        var summaries = new ArrayList<HubSummary>();
        var version = consolesVersion();
        jdbc.sql(SUMMARIES_OF_WORKSPACE).param("workspace", workspace.value()).query(row -> {
            if (summaries.isEmpty()) {
                version.append(row.getLong(SUMMARY_COUNT))
                        .append(' ')
                        .append(row.getString(SUMMARY_VERSIONS))
                        .append(' ')
                        .append(row.getString(SUMMARY_LATEST_CONNECTION));
            }
            var kind = HubKind.valueOf(row.getString(SUMMARY_KIND));
            var businessId = row.getString(SUMMARY_BUSINESS_ID);
            summaries.add(new HubSummary(
                    new HubId(row.getObject(SUMMARY_ID, UUID.class)),
                    kind,
                    row.getString(SUMMARY_LABEL),
                    businessId,
                    row.getString(SUMMARY_BUSINESS_NAME),
                    consoleUrl(kind, businessId, consoles)));
        });
        if (summaries.isEmpty()) {
            // What the aggregates of no rows read: a count of 0 and no sum or latest time.
            version.append("0 null null");
        }
        return new HubSummaries(version.toString(), summaries);
    }

    private StringBuilder consolesVersion() {
        var version = new StringBuilder();
        for (var kind : HubKind.values()) {
            version.append(connectors.console(kind).orElse("")).append(' ');
        }
        return version;
    }

    private HubView view(ResultSet row, Map<HubKind, @Nullable String> consoles) throws SQLException {
        var kind = HubKind.valueOf(row.getString(KIND));
        var businessId = row.getString(BUSINESS_ID);
        var lastSync = row.getObject(LAST_SYNC_AT, OffsetDateTime.class);
        return new HubView(
                new HubId(row.getObject(ID, UUID.class)),
                new WorkspaceId(row.getObject(WORKSPACE_ID, UUID.class)),
                kind,
                row.getString(LABEL),
                businessId,
                row.getString(BUSINESS_NAME),
                new PersonId(row.getObject(OWNER_PERSON_ID, UUID.class)),
                HubHealth.valueOf(row.getString(HEALTH)),
                row.getString(HEALTH_REASON),
                row.getObject(CONNECTED_AT, OffsetDateTime.class).toInstant(),
                lastSync == null ? null : lastSync.toInstant(),
                row.getInt(SAFEGUARD_PERCENT),
                consoleUrl(kind, businessId, consoles));
    }

    private @Nullable URI consoleUrl(HubKind kind, String businessId, Map<HubKind, @Nullable String> consoles) {
        if (!consoles.containsKey(kind)) {
            consoles.put(kind, connectors.console(kind).orElse(null));
        }
        var console = consoles.get(kind);
        if (console == null) {
            return null;
        }
        var known = consoleUrls.get(new ConsoleOf(console, businessId));
        if (known != null) {
            return known;
        }
        var address = URI.create(console.replace("{business}", businessId));
        consoleUrls.put(new ConsoleOf(console, businessId), address);
        return address;
    }

    /** A business's console: the installation's address for its kind of hub, and the business's id. */
    private record ConsoleOf(String console, String businessId) {}
}
