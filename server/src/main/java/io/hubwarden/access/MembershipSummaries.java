package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of a hub's Users table: every membership of the hub with its asset count in one query, without
 * loading aggregates (which would read each membership's assets with a query of its own).
 */
@Component
class MembershipSummaries {

    private static final String QUERY = """
            select m.id, m.workspace_id, m.hub_id, m.person_id, m.email, m.status, m.role, m.hub_role, m.takes_seat,
                   m.hub_user_id, m.note_code, m.note_message, m.status_changed_at,
                   (select count(*) from membership_asset a where a.membership_id = m.id) as assets
              from membership m
             where m.hub_id = :hub and m.workspace_id = :workspace
             order by m.email
            """;

    private final JdbcClient jdbc;

    MembershipSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MembershipSummary> of(WorkspaceId workspaceId, HubId hubId) {
        return jdbc.sql(QUERY)
                .param("hub", hubId.value())
                .param("workspace", workspaceId.value())
                .query(MembershipSummaries::summary)
                .list();
    }

    private static MembershipSummary summary(ResultSet row, int number) throws SQLException {
        var code = row.getString("note_code");
        var message = row.getString("note_message");
        var view = new MembershipView(
                new MembershipId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                new HubId(row.getObject("hub_id", UUID.class)),
                new PersonId(row.getObject("person_id", UUID.class)),
                row.getString("email"),
                MembershipStatus.valueOf(row.getString("status")),
                AccessRole.valueOf(row.getString("role")),
                row.getString("hub_role"),
                row.getBoolean("takes_seat"),
                row.getString("hub_user_id"),
                code == null ? null : new MembershipNote(code, message == null ? "" : message),
                row.getTimestamp("status_changed_at").toInstant());
        return new MembershipSummary(view, row.getInt("assets"));
    }
}
