package io.hubwarden.hub;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.workspace.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The hub accounts, assets and assignments the last applied sync wrote, and the changes people make to accounts. */
@Component
class HubAccounts {

    private static final String COLUMNS = "id, hub_id, account_kind, external_id, email, name, role, tasks, state,"
            + " expires_at, person_id, match_source, exempt_reason, updated_at";

    private final JdbcTemplate jdbc;

    HubAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<HubAccountView> of(HubId hub) {
        return jdbc.query(
                "select " + COLUMNS + " from hub_account where hub_id = ? order by lower(name), email, external_id",
                HubAccounts::view,
                hub.value());
    }

    List<HubAccountView> unmatched(HubId hub) {
        return jdbc.query(
                "select " + COLUMNS + " from hub_account where hub_id = ? and person_id is null"
                        + " order by exempt_reason nulls first, email, external_id",
                HubAccounts::view,
                hub.value());
    }

    Optional<HubAccountView> find(HubId hub, HubAccountId id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from hub_account where hub_id = ? and id = ?",
                        HubAccounts::view,
                        hub.value(),
                        id.value())
                .stream()
                .findFirst();
    }

    List<HubAccountView> byIds(HubId hub, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        var args = new Object[ids.size() + 1];
        args[0] = hub.value();
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        return jdbc.query(
                "select " + COLUMNS + " from hub_account where hub_id = ? and id in (" + in + ") order by email",
                HubAccounts::view,
                args);
    }

    /** The member with this address, else the most useful invitation for it. */
    Optional<HubAccountView> byEmail(HubId hub, String email) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from hub_account where hub_id = ? and email = ?"
                                + " order by case state when 'ACTIVE' then 0 when 'PENDING_INVITATION' then 1 else 2"
                                + " end, updated_at desc",
                        HubAccounts::view,
                        hub.value(),
                        email)
                .stream()
                .findFirst();
    }

    /**
     * The members among the addresses, by address, in one query: for each address the member {@link #byEmail} would
     * read first, when the address has one.
     */
    Map<String, HubAccountView> membersByEmail(HubId hub, List<String> emails) {
        var members = new HashMap<String, HubAccountView>();
        if (emails.isEmpty()) {
            return members;
        }
        var in = emails.stream().map(email -> "?").collect(Collectors.joining(", "));
        var args = new Object[emails.size() + 1];
        args[0] = hub.value();
        for (int i = 0; i < emails.size(); i++) {
            args[i + 1] = emails.get(i);
        }
        jdbc.query(
                "select " + COLUMNS + " from hub_account where hub_id = ? and state = 'ACTIVE' and email in (" + in
                        + ") order by updated_at desc",
                (RowCallbackHandler) row -> {
                    var account = view(row, 0);
                    members.putIfAbsent(account.email(), account);
                },
                args);
        return members;
    }

    List<AssetView> assetsOf(HubId hub, String userId) {
        return jdbc.query(
                "select s.asset_kind, s.external_id, s.name, a.tasks from hub_assignment a join hub_asset s"
                        + " on s.hub_id = a.hub_id and s.asset_kind = a.asset_kind and s.external_id = a.asset_id"
                        + " where a.hub_id = ? and a.user_id = ? order by s.asset_kind, lower(s.name), s.external_id",
                (row, n) -> new AssetView(
                        AssetKind.valueOf(row.getString(1)),
                        row.getString(2),
                        row.getString(3),
                        split(row.getString(4))),
                hub.value(),
                userId);
    }

    /** How many assets each member holds, by the member's hub user id; members without assets are left out. */
    Map<String, Integer> assetCounts(HubId hub) {
        var counts = new HashMap<String, Integer>();
        jdbc.query(
                "select user_id, count(*) from hub_assignment where hub_id = ? group by user_id",
                (RowCallbackHandler) row -> counts.put(row.getString(1), row.getInt(2)),
                hub.value());
        return counts;
    }

    List<AssetView> assets(HubId hub) {
        return jdbc.query(
                "select asset_kind, external_id, name from hub_asset where hub_id = ?"
                        + " order by asset_kind, lower(name), external_id",
                (row, n) -> new AssetView(
                        AssetKind.valueOf(row.getString(1)), row.getString(2), row.getString(3), Set.of()),
                hub.value());
    }

    /** Matches the account to a person by hand; returns whether it changed. */
    boolean match(HubId hub, HubAccountId id, PersonId person, Instant now) {
        return jdbc.update(
                        "update hub_account set person_id = ?, match_source = 'HAND', exempt_reason = null,"
                                + " updated_at = ? where hub_id = ? and id = ?",
                        person.value(),
                        Timestamp.from(now),
                        hub.value(),
                        id.value())
                == 1;
    }

    boolean exempt(HubId hub, HubAccountId id, String reason, Instant now) {
        return jdbc.update(
                        "update hub_account set exempt_reason = ?, updated_at = ? where hub_id = ? and id = ?"
                                + " and person_id is null",
                        reason,
                        Timestamp.from(now),
                        hub.value(),
                        id.value())
                == 1;
    }

    /** Forgets an account the hub no longer has, with the member's assignments. */
    void forget(HubId hub, HubAccountView account) {
        if (account.member()) {
            jdbc.update(
                    "delete from hub_assignment where hub_id = ? and user_id = ?", hub.value(), account.externalId());
        }
        jdbc.update(
                "delete from hub_account where hub_id = ? and id = ?",
                hub.value(),
                account.id().value());
    }

    static Set<String> split(String tasks) {
        return tasks.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(tasks.split(",")));
    }

    private static HubAccountView view(ResultSet row, int number) throws SQLException {
        var expires = row.getTimestamp("expires_at");
        var person = row.getObject("person_id", UUID.class);
        return new HubAccountView(
                new HubAccountId(row.getObject("id", UUID.class)),
                new HubId(row.getObject("hub_id", UUID.class)),
                row.getString("external_id"),
                row.getString("email"),
                row.getString("name"),
                row.getString("role"),
                split(row.getString("tasks")),
                HubAccountState.valueOf(row.getString("state")),
                expires == null ? null : expires.toInstant(),
                person == null ? null : new PersonId(person),
                "HAND".equals(row.getString("match_source")),
                row.getString("exempt_reason"),
                row.getTimestamp("updated_at").toInstant());
    }
}
