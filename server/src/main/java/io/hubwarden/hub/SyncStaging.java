package io.hubwarden.hub;

import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.PersonId;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what a sync reads, page by page, into the staging tables, a few hundred rows per statement. A row read twice
 * keeps its first reading: an attempt that resumes inside a batch of assets reads some of their first pages again,
 * and a list the hub changes while it is read can show an item on two pages.
 */
@Component
class SyncStaging {

    static final String MEMBER = "MEMBER";
    static final String INVITATION = "INVITATION";

    /** Rows per insert: well within both databases' limits on a statement's parameters (11 columns at most). */
    static final int ROWS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final Ids ids;

    SyncStaging(JdbcTemplate jdbc, Ids ids) {
        this.jdbc = jdbc;
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
                        sync,
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
                        sync,
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
                assets.add(new Object[] {
                    sync, asset.ref().kind().name(), asset.ref().id(), asset.name()
                });
            }
        }

        void grants(AssetRef asset, List<AssetGrant> grants) {
            for (var grant : grants) {
                assignments.add(new Object[] {
                    sync, asset.kind().name(), asset.id(), grant.user().value(), joined(grant.tasks())
                });
            }
        }

        void grants(Map<AssetRef, List<AssetGrant>> byAsset) {
            byAsset.forEach(this::grants);
        }

        /** Writes the rows gathered, in the caller's transaction, and forgets them. */
        void write() {
            insert(
                    "hub_sync_account (sync_id, account_kind, external_id, id, email, name, role, tasks, state,"
                            + " expires_at, person_id)",
                    accounts);
            insert("hub_sync_asset (sync_id, asset_kind, external_id, name)", assets);
            insert("hub_sync_assignment (sync_id, asset_kind, asset_id, user_id, tasks)", assignments);
            accounts.clear();
            assets.clear();
            assignments.clear();
        }
    }

    /** The staged assets of the given kinds, by kind and id: those whose grants the sync reads. */
    List<AssetRef> grantable(UUID sync, List<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        var in = String.join(", ", kinds.stream().map(kind -> "?").toList());
        var args = new ArrayList<Object>();
        args.add(sync);
        args.addAll(kinds);
        return jdbc.query(
                "select asset_kind, external_id from hub_sync_asset where sync_id = ? and asset_kind in (" + in + ")"
                        + " order by asset_kind, external_id",
                (row, number) -> new AssetRef(AssetKind.valueOf(row.getString(1)), row.getString(2)),
                args.toArray());
    }

    /** How many assets of the given kinds the sync staged. */
    int assetCount(UUID sync, List<String> kinds) {
        if (kinds.isEmpty()) {
            return 0;
        }
        var in = String.join(", ", kinds.stream().map(kind -> "?").toList());
        var args = new ArrayList<Object>();
        args.add(sync);
        args.addAll(kinds);
        Integer count = jdbc.queryForObject(
                "select count(*) from hub_sync_asset where sync_id = ? and asset_kind in (" + in + ")",
                Integer.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Inserts rows of equal width, {@link #ROWS_PER_STATEMENT} to a statement, each row that is staged already left
     * as it is: one statement of many rows costs both databases far less than a batch of one-row statements.
     */
    private void insert(String table, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            int width = chunk.get(0).length;
            var row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
            jdbc.update(
                    "insert into " + table + " values " + String.join(", ", Collections.nCopies(chunk.size(), row))
                            + " on conflict do nothing",
                    statement -> bind(statement, chunk));
        }
    }

    /**
     * Binds each staged value by its type: a UUID, a string, a timestamp or a null, which either database types from
     * its column. Binding values of unknown type probed each against several interfaces before and after the
     * statement, which for thousands of values a statement cost more than the driver's own binding.
     */
    private static void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        int index = 1;
        for (var row : rows) {
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
            UUID sync,
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
            sync,
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
