package io.hubwarden.access;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.HubSummary;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of tenant cards: one query for a person's memberships with their assets, one for what the cards show
 * of the workspace's hubs. Never calls a hub and never loads aggregates, so the cards of a person with hundreds of hubs stay cheap.
 */
@Component
class TenantCards {

    private static final String QUERY = """
            select m.id, m.hub_id, m.status, m.settled_status, m.note_code, m.note_message, m.status_changed_at,
                   a.kind, a.asset_id, a.name, a.tasks, m.version
              from membership m
              left join membership_asset a on a.membership_id = m.id
             where m.person_id = :person and m.workspace_id = :workspace
             order by m.created_at, m.id, a.name, a.asset_id
            """;

    /**
     * Every change of a membership, its assets included, saves it with a new version (the aggregate's save, or the
     * invitation job's conditional update), and memberships are never deleted: their count and the sum of their
     * versions move whenever a membership is added or changed. Together with the hubs' own version, whenever a card
     * would read differently. Should memberships ever be deleted, this needs more than a count.
     */
    private static final String VERSION = "select count(*), coalesce(sum(version), 0) from membership"
            + " where person_id = :person and workspace_id = :workspace";

    // The query's columns by position: finding each by name, on every row, cost more than reading it.
    private static final int ID = 1;
    private static final int HUB_ID = 2;
    private static final int STATUS = 3;
    private static final int SETTLED_STATUS = 4;
    private static final int NOTE_CODE = 5;
    private static final int NOTE_MESSAGE = 6;
    private static final int STATUS_CHANGED_AT = 7;
    private static final int ASSET_KIND = 8;
    private static final int ASSET_ID = 9;
    private static final int ASSET_NAME = 10;
    private static final int TASKS = 11;
    private static final int VERSION_OF_MEMBERSHIP = 12;

    private final JdbcClient jdbc;
    private final Hubs hubs;
    private final CardsVersions versions;

    TenantCards(JdbcClient jdbc, Hubs hubs, CardsVersions versions) {
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.versions = versions;
    }

    List<TenantCard> of(WorkspaceId workspaceId, PersonId personId) {
        return read(workspaceId, personId, new long[2], new String[1]);
    }

    /**
     * The person's cards with their version, which the cards' two queries read besides: the memberships' version
     * with the memberships, the hubs' version with the hubs. Each is exactly that of the rows it came with.
     */
    CardsAsOf asOf(WorkspaceId workspaceId, PersonId personId) {
        var memberships = new long[2];
        var hubsVersion = new String[1];
        var cards = read(workspaceId, personId, memberships, hubsVersion);
        var readHubs = hubsVersion[0];
        return new CardsAsOf(
                version(memberships[0], memberships[1], readHubs == null ? hubs.viewsVersion(workspaceId) : readHubs),
                cards);
    }

    /**
     * The person's cards; {@code memberships} receives their memberships' count and the sum of their versions, and
     * {@code hubsVersion} the hubs' version when the hubs were read (only when the person has memberships).
     */
    private List<TenantCard> read(
            WorkspaceId workspaceId, PersonId personId, long[] memberships, @Nullable String[] hubsVersion) {
        var rows = new LinkedHashMap<UUID, Row>();
        jdbc.sql(QUERY)
                .param("person", personId.value())
                .param("workspace", workspaceId.value())
                .query(resultSet -> {
                    var id = resultSet.getObject(ID, UUID.class);
                    var row = rows.get(id);
                    if (row == null) {
                        row = Row.of(resultSet);
                        rows.put(id, row);
                        memberships[1] += resultSet.getLong(VERSION_OF_MEMBERSHIP);
                    }
                    var assetId = resultSet.getString(ASSET_ID);
                    if (assetId != null) {
                        row.assets()
                                .add(new CardAsset(
                                        AssetKind.valueOf(resultSet.getString(ASSET_KIND)),
                                        assetId,
                                        resultSet.getString(ASSET_NAME),
                                        Arrays.asList(resultSet.getString(TASKS).split(","))));
                    }
                });
        memberships[0] = rows.size();
        if (rows.isEmpty()) {
            return List.of();
        }
        var summaries = hubs.summariesOf(workspaceId);
        hubsVersion[0] = summaries.version();
        Map<HubId, HubSummary> hubsById = new HashMap<>();
        for (var hub : summaries.hubs()) {
            hubsById.put(hub.id(), hub);
        }
        var cards = new ArrayList<TenantCard>();
        for (var entry : rows.entrySet()) {
            var row = entry.getValue();
            var hub = hubsById.get(row.hubId());
            if (hub != null) {
                cards.add(row.card(new MembershipId(entry.getKey()), hub));
            }
        }
        return cards;
    }

    /**
     * The version of the person's cards, as {@link #asOf} reads it: it changes whenever one of {@link #of}'s cards
     * would read differently. Kept in memory while the database tells of changes ({@link CardsVersions}), otherwise two
     * small queries instead of the cards' rows.
     */
    String versionOf(WorkspaceId workspaceId, PersonId personId) {
        return versions.of(workspaceId, personId, () -> read(workspaceId, personId));
    }

    private String read(WorkspaceId workspaceId, PersonId personId) {
        var memberships = new long[2];
        jdbc.sql(VERSION)
                .param("person", personId.value())
                .param("workspace", workspaceId.value())
                .query(row -> {
                    memberships[0] = row.getLong(1);
                    memberships[1] = row.getLong(2);
                });
        return version(memberships[0], memberships[1], hubs.viewsVersion(workspaceId));
    }

    private static String version(long memberships, long versions, String hubsVersion) {
        return memberships + " " + versions + " " + hubsVersion;
    }

    private record Row(
            HubId hubId,
            MembershipStatus status,
            @Nullable MembershipStatus settled,
            @Nullable MembershipNote note,
            java.time.Instant since,
            List<CardAsset> assets) {

        static Row of(ResultSet resultSet) throws SQLException {
            var settled = resultSet.getString(SETTLED_STATUS);
            var code = resultSet.getString(NOTE_CODE);
            var message = resultSet.getString(NOTE_MESSAGE);
            return new Row(
                    new HubId(resultSet.getObject(HUB_ID, UUID.class)),
                    MembershipStatus.valueOf(resultSet.getString(STATUS)),
                    settled == null ? null : MembershipStatus.valueOf(settled),
                    code == null ? null : new MembershipNote(code, message == null ? "" : message),
                    resultSet.getObject(STATUS_CHANGED_AT, OffsetDateTime.class).toInstant(),
                    new ArrayList<>());
        }

        TenantCard card(MembershipId id, HubSummary hub) {
            var settledStatus = settled == null ? MembershipStatus.JOINED : settled;
            var state = CardState.of(status, settledStatus, note == null ? "" : note.code());
            return new TenantCard(
                    hub.id(),
                    id,
                    hub.kind(),
                    hub.label(),
                    hub.businessId(),
                    hub.businessName(),
                    state,
                    status,
                    note,
                    hub.consoleUrl(),
                    state == CardState.CONNECTED ? assets : List.of(),
                    since);
        }
    }
}
