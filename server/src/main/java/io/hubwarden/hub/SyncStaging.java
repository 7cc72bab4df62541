package io.hubwarden.hub;

import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.platform.Database;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.PersonId;
import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what a sync reads, page by page, into the staging tables, each row with the order it was read in: copied into
 * PostgreSQL, a few hundred rows per statement into H2. A row read twice is staged twice, and its first reading is the
 * one kept when the sync is decided ({@link SyncLedger#forgetRereadings}): an attempt that resumes inside a batch of
 * assets reads some of their first pages again, and a list the hub changes while it is read can show an item on two
 * pages. Staging checks no key: that check cost PostgreSQL four fifths of its time spent staging.
 */
@Component
class SyncStaging {

    static final String MEMBER = "MEMBER";
    static final String INVITATION = "INVITATION";

    /** Rows per insert into H2: well within its limit on a statement's parameters (12 columns at most). */
    static final int ROWS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final Database database;
    private final Ids ids;

    SyncStaging(JdbcTemplate jdbc, Database database, Ids ids) {
        this.jdbc = jdbc;
        this.database = database;
        this.ids = ids;
    }

    /** Rows to stage, gathered from one or more pages and written together by {@link Rows#write()}. */
    Rows rows(UUID sync) {
        return new Rows(sync);
    }

    /**
     * The rows of the pages read for one sync, gathered table by table, so that pages staged together cost a few
     * statements of {@link #ROWS_PER_STATEMENT} rows rather than a few per page. Rows keep the order they were read
     * in, so that a row read twice still keeps its first reading.
     */
    final class Rows {

        private final UUID sync;
        private final List<Object[]> accounts = new ArrayList<>();
        private final List<Object[]> assets = new ArrayList<>();
        private final List<Object[]> assignments = new ArrayList<>();

        private Rows(UUID sync) {
            this.sync = sync;
        }

        void members(List<HubMember> members, Map<String, PersonId> people) {
            for (var member : members) {
                var email = member.email() == null ? null : member.email().value();
                accounts.add(accountRow(
                        MEMBER,
                        member.id().value(),
                        email,
                        member.name(),
                        member.role().code(),
                        joined(member.tasks()),
                        HubAccountState.ACTIVE,
                        null,
                        matched(people, email)));
            }
        }

        void invitations(List<PendingInvitation> invitations, Map<String, PersonId> people) {
            for (var invitation : invitations) {
                var email = invitation.email().value();
                accounts.add(accountRow(
                        INVITATION,
                        invitation.id().value(),
                        email,
                        "",
                        invitation.role().code(),
                        "",
                        state(invitation.status()),
                        invitation.expiresAt() == null ? null : Timestamp.from(invitation.expiresAt()),
                        matched(people, email)));
            }
        }

        void assets(List<HubAsset> read) {
            for (var asset : read) {
                assets.add(new Object[] {asset.ref().kind().name(), asset.ref().id(), asset.name()});
            }
        }

        void grants(AssetRef asset, List<AssetGrant> grants) {
            for (var grant : grants) {
                assignments.add(new Object[] {
                    asset.kind().name(), asset.id(), grant.user().value(), joined(grant.tasks())
                });
            }
        }

        void grants(Map<AssetRef, List<AssetGrant>> byAsset) {
            byAsset.forEach(this::grants);
        }

        /**
         * Writes the rows gathered, in the caller's transaction, and forgets them. Each row's reading is the write's
         * number, from a sequence, followed by the row's place in it: the order the sync read its rows in, across
         * writes and attempts.
         */
        void write() {
            if (accounts.isEmpty() && assets.isEmpty() && assignments.isEmpty()) {
                return;
            }
            Long number = jdbc.queryForObject("select nextval('hub_sync_write')", Long.class);
            long first = (number == null ? 0 : number) << 32;
            insert(
                    "hub_sync_account (sync_id, reading, account_kind, external_id, id, email, name, role, tasks,"
                            + " state, expires_at, person_id)",
                    sync,
                    first,
                    accounts);
            insert("hub_sync_asset (sync_id, reading, asset_kind, external_id, name)", sync, first, assets);
            insert(
                    "hub_sync_assignment (sync_id, reading, asset_kind, asset_id, user_id, tasks)",
                    sync,
                    first,
                    assignments);
            accounts.clear();
            assets.clear();
            assignments.clear();
        }
    }

    /** The staged assets of the given kinds, each once, by kind and id: those whose grants the sync reads. */
    List<AssetRef> grantable(UUID sync, List<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        var in = String.join(", ", kinds.stream().map(kind -> "?").toList());
        var args = new ArrayList<Object>();
        args.add(sync);
        args.addAll(kinds);
        return jdbc.query(
                "select distinct asset_kind, external_id from hub_sync_asset where sync_id = ? and asset_kind in (" + in
                        + ") order by asset_kind, external_id",
                (row, number) -> new AssetRef(AssetKind.valueOf(row.getString(1)), row.getString(2)),
                args.toArray());
    }

    /**
     * Stages rows of equal width, each after the sync and its reading ({@code first} plus its place in the list):
     * copied into PostgreSQL, inserted into H2 {@link #ROWS_PER_STATEMENT} to a statement, which costs it far less
     * than a batch of one-row statements.
     */
    private void insert(String table, UUID sync, long first, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (database.postgres()) {
            copy(table, sync, first, rows);
            return;
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            int width = chunk.get(0).length + 2;
            var row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
            long reading = first + from;
            jdbc.update(
                    "insert into " + table + " values " + String.join(", ", Collections.nCopies(chunk.size(), row)),
                    statement -> bind(statement, sync, reading, chunk));
        }
    }

    /**
     * Copies the rows into PostgreSQL in one statement, as text: parsing and binding a statement of thousands of
     * parameters cost the driver more than PostgreSQL's storing the rows, and copying spares both.
     */
    private void copy(String table, UUID sync, long first, List<Object[]> rows) {
        var text = new StringBuilder(rows.size() * 128);
        long reading = first;
        for (var row : rows) {
            text.append(sync).append('\t').append(reading++);
            for (var value : row) {
                text.append('\t');
                copied(text, value);
            }
            text.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy " + table + " from stdin", new StringReader(text.toString()));
            } catch (IOException unreadable) {
                throw new SQLException("Could not copy staged rows", unreadable);
            }
        });
    }

    /** A value in COPY's text format: {@code \N} for null, the characters that end a value or a row escaped. */
    static void copied(StringBuilder text, @Nullable Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        var written = value instanceof Timestamp time ? time.toInstant().toString() : value.toString();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /**
     * Binds each staged value by its type: a UUID, a string, a timestamp or a null, which either database types from
     * its column. Binding values of unknown type probed each against several interfaces before and after the
     * statement, which for thousands of values a statement cost more than the driver's own binding.
     */
    private static void bind(PreparedStatement statement, UUID sync, long first, List<Object[]> rows)
            throws SQLException {
        int index = 1;
        long reading = first;
        for (var row : rows) {
            statement.setObject(index++, sync);
            statement.setLong(index++, reading++);
            for (var value : row) {
                if (value == null) {
                    statement.setNull(index, Types.NULL);
                } else if (value instanceof String text) {
                    statement.setString(index, text);
                } else if (value instanceof Timestamp time) {
                    statement.setTimestamp(index, time);
                } else {
                    statement.setObject(index, value);
                }
                index++;
            }
        }
    }

    @SuppressWarnings("TooManyParameters") // one staged row
    private Object[] accountRow(
            String kind,
            String externalId,
            @Nullable String email,
            String name,
            String role,
            String tasks,
            HubAccountState state,
            @Nullable Timestamp expiresAt,
            @Nullable PersonId person) {
        return new Object[] {
            kind,
            externalId,
            ids.next(),
            email,
            name,
            role,
            tasks,
            state.name(),
            expiresAt,
            person == null ? null : person.value()
        };
    }

    private static @Nullable PersonId matched(Map<String, PersonId> people, @Nullable String email) {
        return email == null ? null : people.get(email);
    }

    private static HubAccountState state(InvitationStatus status) {
        if (status == InvitationStatus.EXPIRED) {
            return HubAccountState.EXPIRED;
        }
        if (status == InvitationStatus.DECLINED) {
            return HubAccountState.DECLINED;
        }
        return HubAccountState.PENDING_INVITATION;
    }

    /**
     * Tasks as stored: sorted, comma-separated, so that equal sets compare equal as text. Sorted in an array rather
     * than a tree, since every grant of a sync, hundreds of thousands, has its few tasks joined.
     */
    static String joined(Set<String> tasks) {
        if (tasks.size() == 1) {
            return tasks.iterator().next();
        }
        var sorted = tasks.toArray(new String[0]);
        Arrays.sort(sorted);
        return String.join(",", sorted);
    }
}
