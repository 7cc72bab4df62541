package io.hubwarden.audit;

import io.hubwarden.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's audit trail: its records newest first, all of them in order for export, and the check of their
 * chain. Records are chained by {@link #chain} shortly after they are written (a schedule runs it every few seconds,
 * and every read runs it first), so that recording a change never waits for other changes of the workspace.
 */
@Service
public class AuditTrail {

    private static final String COLUMNS =
            "id, workspace_id, seq, occurred_at, actor, action, hub_id, person_id, detail";

    /** How many records one round of {@link #chain} reads and numbers. */
    static final int CHAIN_BATCH = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The workspace's latest records, newest first. */
    @Transactional
    public List<AuditEntry> recent(WorkspaceId workspace, int limit) {
        chain(workspace);
        return jdbc.sql("select " + COLUMNS
                        + " from audit_event where workspace_id = ? order by occurred_at desc, id desc limit ?")
                .param(workspace.value())
                .param(limit)
                .query((row, number) -> entry(row))
                .list();
    }

    /** Every record of the workspace, oldest first, one at a time (an export of any size in constant memory). */
    @Transactional
    public void each(WorkspaceId workspace, Consumer<AuditEntry> reader) {
        chain(workspace);
        jdbc.sql("select " + COLUMNS + " from audit_event where workspace_id = ? order by seq")
                .param(workspace.value())
                .query(row -> {
                    reader.accept(entry(row));
                });
    }

    /** Recomputes every hash of the workspace's chain and names the first record that does not match. */
    @Transactional(readOnly = true)
    public ChainCheck check(WorkspaceId workspace) {
        var state = new Object() {
            String previous = "";
            long records;

            @Nullable
            Long brokenAt;
        };
        jdbc.sql("select " + COLUMNS
                        + ", hash from audit_event where workspace_id = ? and seq is not null order by seq")
                .param(workspace.value())
                .query(row -> {
                    var entry = entry(row);
                    state.records++;
                    var expected = hash(state.previous, entry);
                    if (state.brokenAt == null
                            && (!expected.equals(row.getString("hash"))
                                    || entry.seq() == null
                                    || entry.seq() != state.records)) {
                        state.brokenAt = entry.seq();
                    }
                    state.previous = row.getString("hash");
                });
        return new ChainCheck(state.records, state.brokenAt);
    }

    /**
     * Chains the workspace's records written since the last call, in the order they happened; returns how many. The
     * chain head's row lock makes concurrent callers, on any node, take turns. Records are read and numbered
     * {@link #CHAIN_BATCH} at a time, each round's numbers and hashes written as one JDBC batch.
     */
    @Transactional
    public int chain(WorkspaceId workspace) {
        var head = jdbc.sql("select last_seq, last_hash from audit_chain where workspace_id = ? for update")
                .param(workspace.value())
                .query((row, number) -> new Head(row.getLong("last_seq"), row.getString("last_hash")))
                .optional();
        if (head.isEmpty()) {
            return 0;
        }
        long seq = head.get().seq();
        String previous = head.get().hash();
        int chained = 0;
        List<AuditEntry> pending;
        do {
            pending = jdbc.sql("select " + COLUMNS + " from audit_event where workspace_id = ? and seq is null"
                            + " order by occurred_at, id limit " + CHAIN_BATCH)
                    .param(workspace.value())
                    .query((row, number) -> entry(row))
                    .list();
            var numbered = new ArrayList<Object[]>(pending.size());
            for (var entry : pending) {
                seq++;
                previous = hash(previous, numbered(entry, seq));
                numbered.add(new Object[] {seq, previous, entry.id()});
            }
            if (!numbered.isEmpty()) {
                batches.batchUpdate("update audit_event set seq = ?, hash = ? where id = ?", numbered);
            }
            chained += pending.size();
        } while (pending.size() == CHAIN_BATCH);
        if (chained > 0) {
            jdbc.sql("update audit_chain set last_seq = ?, last_hash = ? where workspace_id = ?")
                    .param(seq)
                    .param(previous)
                    .param(workspace.value())
                    .update();
        }
        return chained;
    }

    /**
     * The workspaces with records waiting to be chained. Asked per chain head so that each probe is a seek on the
     * (workspace, seq) index, not a scan of the whole trail every few seconds.
     */
    List<WorkspaceId> waiting() {
        return jdbc.sql("""
                        select c.workspace_id from audit_chain c
                         where exists (select 1 from audit_event e where e.workspace_id = c.workspace_id and e.seq is null)
                        """)
                .query((row, number) -> new WorkspaceId(row.getObject(1, UUID.class)))
                .list();
    }

    static String hash(String previous, AuditEntry entry) {
        var text = String.join(
                "\n",
                previous,
                String.valueOf(entry.seq()),
                entry.id().toString(),
                entry.occurredAt().toString(),
                entry.actor(),
                entry.action(),
                String.valueOf(entry.hubId()),
                String.valueOf(entry.personId()),
                entry.detail());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static AuditEntry numbered(AuditEntry entry, long seq) {
        return new AuditEntry(
                entry.id(),
                entry.workspaceId(),
                seq,
                entry.occurredAt(),
                entry.actor(),
                entry.action(),
                entry.hubId(),
                entry.personId(),
                entry.detail());
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getObject("id", UUID.class),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                row.getObject("seq", Long.class),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                row.getString("action"),
                row.getObject("hub_id", UUID.class),
                row.getObject("person_id", UUID.class),
                row.getString("detail"));
    }

    private record Head(long seq, String hash) {}
}
