package io.hubwarden.automation;

import io.hubwarden.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-hub bucket in table {@code hub_rate_limit}, shared by every node: the time before which the hub must not
 * be called ({@code not_before}, set when the hub throttled a job), whether the hub's jobs are paused, and the lock
 * that makes the per-hub concurrency limit exact across nodes. Each method runs in the caller's transaction.
 */
@Component
class HubLimits {

    private final JdbcClient jdbc;

    HubLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure the hub has a bucket; a no-op when it has one. */
    void open(UUID hubId, WorkspaceId workspaceId, Instant now) {
        jdbc.sql("""
                        INSERT INTO hub_rate_limit (hub_id, workspace_id, paused, updated_at)
                        VALUES (:hub, :workspace, FALSE, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("hub", hubId)
                .param("workspace", workspaceId.value())
                .param("now", at(now))
                .update();
    }

    /**
     * How many more of the hub's jobs may start now, with the hub's bucket locked until the transaction ends so that
     * no other node counts at the same time: none while the hub is paused or throttled, else the limit less the runs
     * under a live lease. A batch of jobs shares one lease owner and counts once.
     */
    int room(UUID hubId, WorkspaceId workspaceId, int limit, Instant now) {
        var gate = lock(hubId);
        if (gate.isEmpty()) {
            open(hubId, workspaceId, now);
            gate = lock(hubId);
        }
        var queue = gate.orElseThrow();
        if (queue.paused() || queue.waitsUntil().filter(now::isBefore).isPresent()) {
            return 0;
        }
        var running = jdbc.sql("""
                        SELECT COUNT(DISTINCT lease_owner) FROM job
                        WHERE hub_id = :hub AND status = 'RUNNING' AND lease_until > :now
                        """)
                .param("hub", hubId)
                .param("now", at(now))
                .query(Long.class)
                .single();
        return (int) Math.max(0, limit - running);
    }

    /** The hub is not called again before {@code until}; a later time already set stays. */
    void throttle(UUID hubId, WorkspaceId workspaceId, Instant until, Instant now) {
        open(hubId, workspaceId, now);
        jdbc.sql("""
                        UPDATE hub_rate_limit
                        SET not_before = CASE WHEN not_before IS NULL OR not_before < :until THEN :until
                                         ELSE not_before END,
                            updated_at = :now
                        WHERE hub_id = :hub
                        """)
                .param("hub", hubId)
                .param("until", at(until))
                .param("now", at(now))
                .update();
    }

    /** Pauses the hub's jobs; whether it was running before (false when paused already or of another workspace). */
    boolean pause(UUID hubId, WorkspaceId workspaceId, String reason, Instant now) {
        open(hubId, workspaceId, now);
        return jdbc.sql("""
                        UPDATE hub_rate_limit
                        SET paused = TRUE, pause_reason = :reason, paused_at = :now, updated_at = :now
                        WHERE hub_id = :hub AND workspace_id = :workspace AND paused = FALSE
                        """)
                        .param("hub", hubId)
                        .param("workspace", workspaceId.value())
                        .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                        .param("now", at(now))
                        .update()
                == 1;
    }

    /** Lets the hub's jobs run again; whether they were paused. */
    boolean resume(UUID hubId, WorkspaceId workspaceId, Instant now) {
        return jdbc.sql("""
                        UPDATE hub_rate_limit
                        SET paused = FALSE, pause_reason = NULL, paused_at = NULL, updated_at = :now
                        WHERE hub_id = :hub AND workspace_id = :workspace AND paused = TRUE
                        """)
                        .param("hub", hubId)
                        .param("workspace", workspaceId.value())
                        .param("now", at(now))
                        .update()
                == 1;
    }

    /** The hub's bucket as the workspace may see it; empty for a hub of another workspace or with no bucket yet. */
    Optional<HubQueue> state(UUID hubId, WorkspaceId workspaceId) {
        return jdbc.sql("""
                        SELECT hub_id, paused, pause_reason, not_before FROM hub_rate_limit
                        WHERE hub_id = :hub AND workspace_id = :workspace
                        """)
                .param("hub", hubId)
                .param("workspace", workspaceId.value())
                .query(HubLimits::queue)
                .optional();
    }

    private Optional<HubQueue> lock(UUID hubId) {
        return jdbc.sql("""
                        SELECT hub_id, paused, pause_reason, not_before FROM hub_rate_limit
                        WHERE hub_id = :hub FOR UPDATE
                        """).param("hub", hubId).query(HubLimits::queue).optional();
    }

    private static HubQueue queue(ResultSet row, int number) throws SQLException {
        return new HubQueue(
                row.getObject("hub_id", UUID.class),
                row.getBoolean("paused"),
                row.getString("pause_reason"),
                instant(row.getObject("not_before", OffsetDateTime.class)));
    }

    /** A time as a parameter both PostgreSQL's and H2's drivers take for {@code TIMESTAMP WITH TIME ZONE}. */
    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
