package io.hubwarden.audit;

import io.hubwarden.access.AccessRevoked;
import io.hubwarden.access.AccessShared;
import io.hubwarden.access.MembershipStatusChanged;
import io.hubwarden.hub.HubAccountMatched;
import io.hubwarden.hub.HubConnected;
import io.hubwarden.hub.HubCredentialsExpired;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.PersonActivated;
import io.hubwarden.workspace.PersonInvited;
import io.hubwarden.workspace.WorkspaceCreated;
import io.hubwarden.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a record for each change of access, synchronously in the publisher's transaction: if the record cannot be
 * written, the change does not commit either.
 */
@Component
class AuditRecorder {

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    AuditRecorder(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        jdbc.sql("insert into audit_chain (workspace_id, last_seq, last_hash) values (?, 0, '')")
                .param(created.workspaceId().value())
                .update();
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
        jdbc.sql("""
                insert into audit_event (id, workspace_id, occurred_at, actor, action, hub_id, person_id, detail)
                values (:id, :workspace, :at, :actor, :action, :hub, :person, :detail)
                """)
                .param("id", ids.next())
                .param("workspace", workspace.value())
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("actor", actor)
                .param("action", action)
                .param("hub", hubId)
                .param("person", personId)
                .param("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .update();
    }
}
