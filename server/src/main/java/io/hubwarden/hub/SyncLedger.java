package io.hubwarden.hub;

import io.hubwarden.hub.SyncReview.Counts;
import io.hubwarden.platform.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The syncs of each hub and their effect, in set-based SQL so that a hub of 100 000 people costs a handful of
 * statements: comparing a staged sync with what Hubwarden knows, applying it (writing only rows that differ) and
 * discarding it. Callers provide the transaction.
 */
@Component
class SyncLedger {

    static final int SAMPLE = 50;

    private static final String ACCOUNT_KEY = "s.account_kind = a.account_kind and s.external_id = a.external_id";
    private static final String STAGED_ACCOUNT =
            "select 1 from hub_sync_account s where s.sync_id = ? and " + ACCOUNT_KEY;
    private static final String ACCOUNT_DIFFERS = " and (s.email is distinct from a.email or s.name <> a.name"
            + " or s.role <> a.role or s.tasks <> a.tasks or s.state <> a.state"
            + " or s.expires_at is distinct from a.expires_at"
            + " or (a.match_source is distinct from 'HAND' and s.person_id is distinct from a.person_id))";
    private static final String LIVE_ACCOUNT = "select 1 from hub_account a where a.hub_id = ? and " + ACCOUNT_KEY;

    private static final String ASSET_KEY = "s.asset_kind = a.asset_kind and s.external_id = a.external_id";
    private static final String STAGED_ASSET = "select 1 from hub_sync_asset s where s.sync_id = ? and " + ASSET_KEY;
    private static final String LIVE_ASSET = "select 1 from hub_asset a where a.hub_id = ? and " + ASSET_KEY;

    private static final String ASSIGNMENT_KEY =
            "s.asset_kind = a.asset_kind and s.asset_id = a.asset_id and s.user_id = a.user_id";
    private static final String STAGED_ASSIGNMENT =
            "select 1 from hub_sync_assignment s where s.sync_id = ? and " + ASSIGNMENT_KEY;
    private static final String LIVE_ASSIGNMENT =
            "select 1 from hub_assignment a where a.hub_id = ? and " + ASSIGNMENT_KEY;

    /**
     * How applying a sync keeps staged rows that are live already from being inserted again: by the live table's
     * unique key, so that it holds whatever plan the database picks; on PostgreSQL, with an anti-join too, unless the
     * hub has no live rows there (a hub's first sync). PostgreSQL plans an anti-join with the live table by the
     * table's statistics, refreshed before the decision: a table empty then would get a nested loop that scans what
     * the statement itself inserts once per row, and a table of many rows a hash anti-join, which spares a sync that
     * adds few rows the unique check of every row it stages, four times the anti-join's cost at 100 000 rows.
     */
    private static final String NOT_LIVE = " on conflict do nothing";

    private final JdbcTemplate jdbc;

    private final Database database;

    SyncLedger(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Refreshes PostgreSQL's statistics of the staged and live tables, which a sync fills and changes wholesale. With
     * stale ones (say, taken while the staging tables were empty) PostgreSQL plans the comparisons of a decision as
     * nested loops, quadratic in the hub's size. Runs in a transaction of its own, so that the syncs of other hubs do
     * not wait for this one's decision. H2 plans these by their indexes and needs nothing.
     */
    void refreshStatistics() {
        if (database.postgres()) {
            jdbc.execute(
                    "analyze hub_sync_account, hub_sync_asset, hub_sync_assignment, hub_account, hub_asset, hub_assignment");
        }
    }

    /**
     * Keeps each staged key's first reading and deletes the others (see {@link SyncStaging}), so that every comparison
     * after it sees a key once. Both databases find the keys read more than once in one pass over the sync's rows.
     */
    void forgetRereadings(UUID sync) {
        jdbc.update(
                "delete from hub_sync_account s where s.sync_id = ? and exists (select 1 from hub_sync_account r"
                        + " where r.sync_id = s.sync_id and r.account_kind = s.account_kind"
                        + " and r.external_id = s.external_id and r.reading < s.reading)",
                sync);
        jdbc.update(
                "delete from hub_sync_asset s where s.sync_id = ? and exists (select 1 from hub_sync_asset r"
                        + " where r.sync_id = s.sync_id and r.asset_kind = s.asset_kind"
                        + " and r.external_id = s.external_id and r.reading < s.reading)",
                sync);
        jdbc.update(
                "delete from hub_sync_assignment s where s.sync_id = ? and exists (select 1 from hub_sync_assignment r"
                        + " where r.sync_id = s.sync_id and r.asset_kind = s.asset_kind and r.asset_id = s.asset_id"
                        + " and r.user_id = s.user_id and r.reading < s.reading)",
                sync);
    }

    Optional<SyncStatus> status(UUID sync) {
        return jdbc
                .query(
                        "select status from hub_sync where id = ?",
                        (row, n) -> SyncStatus.valueOf(row.getString(1)),
                        sync)
                .stream()
                .findFirst();
    }

    /** Starts a sync; an unfinished or halted older sync of the hub is discarded, since this one supersedes it. */
    void start(UUID sync, HubId hub, Instant now) {
        for (UUID older : jdbc.queryForList(
                "select id from hub_sync where hub_id = ? and status in ('STAGING', 'HALTED') and id <> ?",
                UUID.class,
                hub.value(),
                sync)) {
            discard(older, now);
        }
        jdbc.update(
                "insert into hub_sync (id, hub_id, status, started_at) values (?, ?, 'STAGING', ?)",
                sync,
                hub.value(),
                Timestamp.from(now));
    }

    /** The halted sync of the hub, if one waits for review. */
    Optional<UUID> halted(HubId hub) {
        return jdbc
                .queryForList(
                        "select id from hub_sync where hub_id = ? and status = 'HALTED' order by started_at desc",
                        UUID.class,
                        hub.value())
                .stream()
                .findFirst();
    }

    /** What the safeguard weighs: how many rows of a kind the hub had, and how many the staged sync removes. */
    record Removals(int before, int removed) {

        /** Whether the sync removes more than {@code percent} of what was there. */
        boolean exceed(int percent) {
            return before > 0 && removed * 100L > (long) percent * before;
        }
    }

    Removals accountRemovals(UUID sync, HubId hub) {
        return removals("hub_account", STAGED_ACCOUNT, sync, hub);
    }

    Removals assetRemovals(UUID sync, HubId hub) {
        return removals("hub_asset", STAGED_ASSET, sync, hub);
    }

    /**
     * Counts the live rows and those not staged as two counts, the second an anti-join: asked as a sum over the live
     * rows of whether each is staged, PostgreSQL probes the staged table's index once per row, six times slower.
     */
    private Removals removals(String table, String staged, UUID sync, HubId hub) {
        return jdbc.queryForObject(
                "select (select count(*) from " + table + " where hub_id = ?), (select count(*) from " + table
                        + " a where a.hub_id = ? and not exists (" + staged + "))",
                (row, n) -> new Removals(row.getInt(1), row.getInt(2)),
                hub.value(),
                hub.value(),
                sync);
    }

    Counts accountCounts(UUID sync, HubId hub) {
        return new Counts(
                count("select count(*) from hub_account where hub_id = ?", hub.value()),
                count(
                        "select count(*) from hub_sync_account s where s.sync_id = ? and not exists (" + LIVE_ACCOUNT
                                + ")",
                        sync,
                        hub.value()),
                count(
                        "select count(*) from hub_sync_account s where s.sync_id = ? and exists (" + LIVE_ACCOUNT
                                + ACCOUNT_DIFFERS + ")",
                        sync,
                        hub.value()),
                count(
                        "select count(*) from hub_account a where a.hub_id = ? and not exists (" + STAGED_ACCOUNT + ")",
                        hub.value(),
                        sync));
    }

    Counts assetCounts(UUID sync, HubId hub) {
        return new Counts(
                count("select count(*) from hub_asset where hub_id = ?", hub.value()),
                count(
                        "select count(*) from hub_sync_asset s where s.sync_id = ? and not exists (" + LIVE_ASSET + ")",
                        sync,
                        hub.value()),
                count(
                        "select count(*) from hub_sync_asset s where s.sync_id = ? and exists (" + LIVE_ASSET
                                + " and s.name <> a.name)",
                        sync,
                        hub.value()),
                count(
                        "select count(*) from hub_asset a where a.hub_id = ? and not exists (" + STAGED_ASSET + ")",
                        hub.value(),
                        sync));
    }

    Counts assignmentCounts(UUID sync, HubId hub) {
        return new Counts(
                count("select count(*) from hub_assignment where hub_id = ?", hub.value()),
                count(
                        "select count(*) from hub_sync_assignment s where s.sync_id = ? and not exists ("
                                + LIVE_ASSIGNMENT + ")",
                        sync,
                        hub.value()),
                count(
                        "select count(*) from hub_sync_assignment s where s.sync_id = ? and exists (" + LIVE_ASSIGNMENT
                                + " and s.tasks <> a.tasks)",
                        sync,
                        hub.value()),
                count(
                        "select count(*) from hub_assignment a where a.hub_id = ? and not exists (" + STAGED_ASSIGNMENT
                                + ")",
                        hub.value(),
                        sync));
    }

    /** Records that the safeguard stopped the sync; its staged rows stay for review. */
    void halt(UUID sync, Counts accounts, Counts assets, Counts assignments, Instant now) {
        finish(sync, SyncStatus.HALTED, accounts, assets, assignments, now);
    }

    /**
     * Applies the staged sync: inserts what is new, updates only rows that differ, deletes what the hub no longer
     * shows, then drops the staged rows. Matches made by hand survive; e-mail matches follow the sync.
     */
    void apply(UUID sync, HubId hub, Instant now) {
        apply(
                sync,
                hub,
                count("select count(*) from hub_account where hub_id = ?", hub.value()),
                count("select count(*) from hub_asset where hub_id = ?", hub.value()),
                now);
    }

    /**
     * Applies the staged sync, given how many accounts and assets the hub had; the counts of what it added, changed
     * and removed are those of the statements that did it.
     */
    void apply(UUID sync, HubId hub, int accountsBefore, int assetsBefore, Instant now) {
        var at = Timestamp.from(now);
        var h = hub.value();

        int accountsRemoved = jdbc.update(
                "delete from hub_account a where a.hub_id = ? and not exists (" + STAGED_ACCOUNT + ")", h, sync);
        int accountsChanged = updateChanged(
                "hub_account",
                "email, name, role, tasks, state, expires_at, person_id, match_source, updated_at",
                "s.email, s.name, s.role, s.tasks, s.state, s.expires_at,"
                        + " case when a.match_source = 'HAND' then a.person_id else s.person_id end,"
                        + " case when a.match_source = 'HAND' then 'HAND' when s.person_id is null then null"
                        + " else 'EMAIL' end",
                ACCOUNT_KEY,
                ACCOUNT_DIFFERS,
                at,
                sync,
                h);
        int accountsAdded = insertNew(
                "hub_account (id, hub_id, account_kind, external_id, email, name, role, tasks, state, expires_at,"
                        + " person_id, match_source, exempt_reason, updated_at)",
                List.of("account_kind", "external_id"),
                "select s.id, ?, s.account_kind, s.external_id, s.email, s.name, s.role, s.tasks, s.state,"
                        + " s.expires_at, s.person_id, case when s.person_id is null then null else 'EMAIL' end,"
                        + " null, cast(? as timestamp with time zone) from hub_sync_account s where s.sync_id = ?",
                h,
                at,
                sync);

        int assetsRemoved = jdbc.update(
                "delete from hub_asset a where a.hub_id = ? and not exists (" + STAGED_ASSET + ")", h, sync);
        int assetsChanged = updateChanged(
                "hub_asset", "name, updated_at", "s.name", ASSET_KEY, " and s.name <> a.name", at, sync, h);
        int assetsAdded = insertNew(
                "hub_asset (hub_id, asset_kind, external_id, name, updated_at)",
                List.of("asset_kind", "external_id"),
                "select ?, s.asset_kind, s.external_id, s.name, cast(? as timestamp with time zone) from hub_sync_asset s"
                        + " where s.sync_id = ?",
                h,
                at,
                sync);

        int assignmentsRemoved = jdbc.update(
                "delete from hub_assignment a where a.hub_id = ? and not exists (" + STAGED_ASSIGNMENT + ")", h, sync);
        int assignmentsChanged = updateChanged(
                "hub_assignment",
                "tasks, updated_at",
                "s.tasks",
                ASSIGNMENT_KEY,
                " and s.tasks <> a.tasks",
                at,
                sync,
                h);
        int assignmentsAdded = insertNew(
                "hub_assignment (hub_id, asset_kind, asset_id, user_id, tasks, updated_at)",
                List.of("asset_kind", "asset_id", "user_id"),
                "select ?, s.asset_kind, s.asset_id, s.user_id, s.tasks, cast(? as timestamp with time zone)"
                        + " from hub_sync_assignment s where s.sync_id = ?",
                h,
                at,
                sync);

        finish(
                sync,
                SyncStatus.APPLIED,
                new Counts(accountsBefore, accountsAdded, accountsChanged, accountsRemoved),
                new Counts(assetsBefore, assetsAdded, assetsChanged, assetsRemoved),
                new Counts(0, assignmentsAdded, assignmentsChanged, assignmentsRemoved),
                now);
        dropStaged(sync);
    }

    /**
     * Updates the hub's live rows ({@code a}) whose staged row ({@code s}, the same {@code key}) {@code differs}:
     * sets {@code columns} to {@code values} and, last, the time of the change. PostgreSQL joins the two tables in one
     * pass (the staged rows have no index of their keys); H2 looks each changed row's staged one up by its index.
     */
    @SuppressWarnings("TooManyParameters") // the parts of one update
    private int updateChanged(
            String live, String columns, String values, String key, String differs, Timestamp at, UUID sync, UUID hub) {
        var staged = "hub_sync" + live.substring("hub".length()) + " s";
        var time = ", cast(? as timestamp with time zone)";
        if (database.postgres()) {
            return jdbc.update(
                    "update " + live + " a set (" + columns + ") = (" + values + time + ") from " + staged
                            + " where s.sync_id = ? and " + key + " and a.hub_id = ?" + differs,
                    at,
                    sync,
                    hub);
        }
        return jdbc.update(
                "update " + live + " a set (" + columns + ") = (select " + values + time + " from " + staged
                        + " where s.sync_id = ? and " + key + ") where a.hub_id = ? and exists (select 1 from " + staged
                        + " where s.sync_id = ? and " + key + differs + ")",
                at,
                sync,
                hub,
                sync);
    }

    /**
     * Inserts the staged rows that {@code select} gives ({@code s} the staged table, the hub the first argument)
     * whose {@code keys} are not live for the hub yet; see {@link #NOT_LIVE}.
     */
    private int insertNew(String into, List<String> keys, String select, Object... args) {
        var table = into.substring(0, into.indexOf(' '));
        if (!database.postgres()
                || jdbc.queryForList("select 1 from " + table + " where hub_id = ? fetch first 1 rows only", args[0])
                        .isEmpty()) {
            return jdbc.update("insert into " + into + " " + select + NOT_LIVE, args);
        }
        var same = String.join(
                " and ", keys.stream().map(key -> "l." + key + " = s." + key).toList());
        var andHub = Arrays.copyOf(args, args.length + 1);
        andHub[args.length] = args[0];
        return jdbc.update(
                "insert into " + into + " " + select + " and not exists (select 1 from " + table
                        + " l where l.hub_id = ? and " + same + ")" + NOT_LIVE,
                andHub);
    }

    /** Throws a sync away with its staged rows. */
    void discard(UUID sync, Instant now) {
        jdbc.update(
                "update hub_sync set status = 'DISCARDED', finished_at = ? where id = ?", Timestamp.from(now), sync);
        dropStaged(sync);
    }

    /** The accounts a staged sync would remove, a sample for the review page. */
    List<UUID> removedAccountIds(UUID sync, HubId hub) {
        return jdbc.queryForList(
                "select a.id from hub_account a where a.hub_id = ? and not exists (" + STAGED_ACCOUNT
                        + ") order by a.email, a.external_id fetch first " + SAMPLE + " rows only",
                UUID.class,
                hub.value(),
                sync);
    }

    /** A sync as recorded: its status, times and counts (counts are recorded when it is halted or applied). */
    Optional<Recorded> recorded(UUID sync) {
        return jdbc.query("select * from hub_sync where id = ?", SyncLedger::recorded, sync).stream()
                .findFirst();
    }

    /** The latest syncs of a hub, newest first. */
    List<Recorded> latest(HubId hub, int limit) {
        return jdbc.query(
                "select * from hub_sync where hub_id = ? order by started_at desc fetch first " + limit + " rows only",
                SyncLedger::recorded,
                hub.value());
    }

    record Recorded(
            UUID id,
            HubId hubId,
            SyncStatus status,
            Instant startedAt,
            @Nullable Instant finishedAt,
            Counts accounts,
            Counts assets,
            Counts assignments) {}

    private static Recorded recorded(ResultSet row, int number) throws SQLException {
        var finished = row.getTimestamp("finished_at");
        return new Recorded(
                row.getObject("id", UUID.class),
                new HubId(row.getObject("hub_id", UUID.class)),
                SyncStatus.valueOf(row.getString("status")),
                row.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                counts(row, "accounts"),
                counts(row, "assets"),
                counts(row, "assignments"));
    }

    private static Counts counts(ResultSet row, String prefix) throws SQLException {
        var before = prefix.equals("assignments") ? 0 : row.getInt(prefix + "_before");
        return new Counts(
                before,
                row.getInt(prefix + "_added"),
                row.getInt(prefix + "_changed"),
                row.getInt(prefix + "_removed"));
    }

    private void finish(UUID sync, SyncStatus status, Counts accounts, Counts assets, Counts assignments, Instant now) {
        jdbc.update(
                "update hub_sync set status = ?, finished_at = ?, accounts_before = ?, accounts_added = ?,"
                        + " accounts_changed = ?, accounts_removed = ?, assets_before = ?, assets_added = ?,"
                        + " assets_changed = ?, assets_removed = ?, assignments_added = ?, assignments_changed = ?,"
                        + " assignments_removed = ? where id = ?",
                status.name(),
                Timestamp.from(now),
                accounts.before(),
                accounts.added(),
                accounts.changed(),
                accounts.removed(),
                assets.before(),
                assets.added(),
                assets.changed(),
                assets.removed(),
                assignments.added(),
                assignments.changed(),
                assignments.removed(),
                sync);
    }

    private void dropStaged(UUID sync) {
        jdbc.update("delete from hub_sync_account where sync_id = ?", sync);
        jdbc.update("delete from hub_sync_asset where sync_id = ?", sync);
        jdbc.update("delete from hub_sync_assignment where sync_id = ?", sync);
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
