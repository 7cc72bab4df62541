package io.hubwarden.audit;

import io.hubwarden.access.AccessRevoked;
import io.hubwarden.access.AccessShared;
import io.hubwarden.access.MembershipStatusChanged;
import io.hubwarden.hub.HubAccountMatched;
import io.hubwarden.hub.HubConnected;
import io.hubwarden.hub.HubCredentialsExpired;
import io.hubwarden.platform.CommitBatches;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.PersonActivated;
import io.hubwarden.workspace.PersonInvited;
import io.hubwarden.workspace.WorkspaceCreated;
import io.hubwarden.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a record for each change of access, synchronously in the publisher's transaction: if the record cannot be
 * written, the change does not commit either. The records of a transaction are inserted together, as JDBC batches,
 * right before it commits (and whenever {@link #BATCH} are waiting): a share with ten thousand people records twenty
 * thousand changes, and a statement each cost more than the rest of the share. Outside a transaction a record is
 * inserted at once.
 */
@Component
class AuditRecorder {

    static final int BATCH = 1000;

    private static final String INSERT = "insert into audit_event"
            + " (id, workspace_id, occurred_at, actor, action, hub_id, person_id, detail)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Ids ids;
    private final Clock clock;
    private final CommitBatches<Row> records;

    AuditRecorder(JdbcTemplate jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.records = new CommitBatches<>(BATCH, this::insert, () -> {});
    }

    @EventListener
    void on(WorkspaceCreated created) {
        jdbc.update(
                "insert into audit_chain (workspace_id, last_seq, last_hash) values (?, 0, '')",
                created.workspaceId().value());
        record(
                created.workspaceId(),
                created.ownerId().toString(),
                "WORKSPACE_CREATED",
                null,
                created.ownerId().value(),
                "Workspace " + created.name() + " created");
    }

    @EventListener
    void on(PersonInvited invited) {
        record(
                invited.workspaceId(),
                invited.invitedBy().toString(),
                "PERSON_INVITED",
                null,
                invited.personId().value(),
                invited.email() + " invited to the workspace as " + invited.role());
    }

    @EventListener
    void on(PersonActivated activated) {
        record(
                activated.workspaceId(),
                activated.personId().toString(),
                "PERSON_ACTIVATED",
                null,
                activated.personId().value(),
                "Invitation to the workspace accepted");
    }

    @EventListener
    void on(HubConnected connected) {
        record(
                connected.workspaceId(),
                connected.ownerPersonId().toString(),
                "HUB_CONNECTED",
                connected.hubId().value(),
                connected.ownerPersonId().value(),
                "Hub connected; the person connecting it is its Owner");
    }

    @EventListener
    void on(HubCredentialsExpired expired) {
        record(
                expired.workspaceId(),
                AuditEntry.SYSTEM,
                "HUB_CREDENTIALS_EXPIRED",
                expired.hubId().value(),
                null,
                "The hub refused the connection's token; its jobs are paused");
    }

    @EventListener
    void on(HubAccountMatched matched) {
        record(
                matched.workspaceId(),
                AuditEntry.SYSTEM,
                "HUB_ACCOUNT_MATCHED",
                matched.hubId().value(),
                matched.personId().value(),
                "Hub account " + matched.accountExternalId() + " matched to the person");
    }

    @EventListener
    void on(AccessShared shared) {
        record(
                shared.workspaceId(),
                shared.sharedBy().toString(),
                "ACCESS_SHARED",
                shared.hubId().value(),
                shared.personId().value(),
                "Shared as " + shared.role() + " with hub role " + shared.hubRole()
                        + (shared.takesSeat() ? ", invited into the hub" : ", shown in Hubwarden only"));
    }

    @EventListener
    void on(AccessRevoked revoked) {
        record(
                revoked.workspaceId(),
                revoked.revokedBy().toString(),
                "ACCESS_REVOKED",
                revoked.hubId().value(),
                revoked.personId().value(),
                "Every share of the hub with the person revoked");
    }

    @EventListener
    void on(MembershipStatusChanged changed) {
        var note = changed.note();
        record(
                changed.workspaceId(),
                AuditEntry.SYSTEM,
                "MEMBERSHIP_" + changed.to(),
                changed.hubId().value(),
                changed.personId().value(),
                (changed.from() == null ? "Membership created as " : "Membership moved from " + changed.from() + " to ")
                        + changed.to()
                        + (note == null ? "" : " (" + note.code() + ": " + note.message() + ")"));
    }

    private void record(
            WorkspaceId workspace,
            String actor,
            String action,
            @Nullable UUID hubId,
            @Nullable UUID personId,
            String detail) {
        var record = new Row(
                ids.next(),
                workspace.value(),
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                actor,
                action,
                hubId,
                personId,
                detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        records.add(record);
    }

    private void insert(List<Row> rows) {
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
            statement.setObject(1, row.id());
            statement.setObject(2, row.workspace());
            statement.setTimestamp(3, row.at());
            statement.setString(4, row.actor());
            statement.setString(5, row.action());
            setUuid(statement, 6, row.hub());
            setUuid(statement, 7, row.person());
            statement.setString(8, row.detail());
        });
    }

    private static void setUuid(PreparedStatement statement, int index, @Nullable UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }

    private record Row(
            UUID id,
            UUID workspace,
            Timestamp at,
            String actor,
            String action,
            @Nullable UUID hub,
            @Nullable UUID person,
            String detail) {}
}
