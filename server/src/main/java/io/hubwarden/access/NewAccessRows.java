package io.hubwarden.access;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts the shares and memberships a share creates as JDBC batches, with their assets, rather than saving each
 * aggregate through Spring Data JDBC: for a share with ten thousand people, mapping every aggregate cost more than
 * the statements. The rows and the events are those a repository's {@code saveAll} would write and publish: each
 * aggregate gets its first version, and a membership's registered moves are published in the caller's transaction.
 */
@Component
class NewAccessRows {

    private static final String INSERT_SHARE = """
            insert into access_share (id, workspace_id, hub_id, person_id, role, hub_role, hub_role_rank, takes_seat,
                                      shared_by, created_at, updated_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """;

    private static final String INSERT_SHARE_ASSET =
            "insert into share_asset (access_share_id, kind, asset_id, tasks) values (?, ?, ?, ?)";

    private static final String INSERT_MEMBERSHIP = """
            insert into membership (id, workspace_id, hub_id, person_id, email, status, settled_status, role, hub_role,
                                    takes_seat, invite_generation, hub_invitation_id, hub_user_id, note_code,
                                    note_message, status_changed_at, created_at, updated_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """;

    private static final String INSERT_MEMBERSHIP_ASSET =
            "insert into membership_asset (membership_id, kind, asset_id, name, tasks) values (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CardsVersions versions;

    NewAccessRows(JdbcTemplate jdbc, ApplicationEventPublisher events, CardsVersions versions) {
        this.jdbc = jdbc;
        this.events = events;
        this.versions = versions;
    }

    /** Inserts shares that are not stored yet, with their assets. */
    void insertShares(List<AccessShare> created) {
        if (created.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_SHARE, created, created.size(), (statement, share) -> {
            statement.setObject(1, share.id().value());
            statement.setObject(2, share.workspaceId().value());
            statement.setObject(3, share.hubId().value());
            statement.setObject(4, share.personId().value());
            statement.setString(5, share.role().name());
            statement.setString(6, share.hubRole());
            statement.setInt(7, share.hubRoleRank());
            statement.setBoolean(8, share.takesSeat());
            statement.setObject(9, share.sharedBy().value());
            statement.setObject(10, at(share.createdAt()));
            statement.setObject(11, at(share.updatedAt()));
        });
        var assets = new ArrayList<Object[]>();
        for (var share : created) {
            for (var asset : share.storedAssets()) {
                assets.add(new Object[] {share.id().value(), asset.kind().name(), asset.assetId(), asset.tasks()});
            }
        }
        if (!assets.isEmpty()) {
            jdbc.batchUpdate(INSERT_SHARE_ASSET, assets);
        }
        created.forEach(AccessShare::inserted);
    }

    /**
     * Inserts memberships that are not stored yet, with their assets, then publishes the moves each registered, in
     * order, as saving them through their repository would.
     */
    void insertMemberships(List<Membership> created) {
        if (created.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_MEMBERSHIP, created, created.size(), (statement, membership) -> {
            var note = membership.note().orElse(null);
            statement.setObject(1, membership.id().value());
            statement.setObject(2, membership.workspaceId().value());
            statement.setObject(3, membership.hubId().value());
            statement.setObject(4, membership.personId().value());
            statement.setString(5, membership.email());
            statement.setString(6, membership.status().name());
            text(statement, 7, membership.settledStatus().map(Enum::name).orElse(null));
            statement.setString(8, membership.role().name());
            statement.setString(9, membership.hubRole());
            statement.setBoolean(10, membership.takesSeat());
            statement.setInt(11, membership.inviteGeneration());
            text(statement, 12, membership.hubInvitationId().orElse(null));
            text(statement, 13, membership.hubUserId().orElse(null));
            text(statement, 14, note == null ? null : note.code());
            text(statement, 15, note == null ? null : note.message());
            statement.setObject(16, at(membership.statusChangedAt()));
            statement.setObject(17, at(membership.createdAt()));
            statement.setObject(18, at(membership.updatedAt()));
        });
        var assets = new ArrayList<Object[]>();
        for (var membership : created) {
            for (var asset : membership.assets()) {
                assets.add(new Object[] {
                    membership.id().value(), asset.kind().name(), asset.assetId(), asset.name(), asset.tasks()
                });
            }
        }
        if (!assets.isEmpty()) {
            jdbc.batchUpdate(INSERT_MEMBERSHIP_ASSET, assets);
        }
        created.stream().map(Membership::workspaceId).distinct().forEach(versions::changedOnCommit);
        for (var membership : created) {
            membership.inserted();
            membership.events().forEach(events::publishEvent);
            membership.eventsPublished();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void text(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
