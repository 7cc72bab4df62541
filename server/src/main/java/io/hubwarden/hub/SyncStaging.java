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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what a sync reads, page by page, into the staging tables, in batches. A page read twice (an attempt that
 * stopped between staging it and saving its cursor) replaces its earlier rows.
 */
@Component
class SyncStaging {

    static final String MEMBER = "MEMBER";
    static final String INVITATION = "INVITATION";

    private final JdbcTemplate jdbc;
    private final Ids ids;

    SyncStaging(JdbcTemplate jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    @Transactional
    void members(UUID sync, List<HubMember> members, Map<String, PersonId> people) {
        var rows = new ArrayList<Object[]>(members.size());
        for (var member : members) {
            var email = member.email() == null ? null : member.email().value();
            rows.add(accountRow(
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
        accounts(sync, MEMBER, rows);
    }

    @Transactional
    void invitations(UUID sync, List<PendingInvitation> invitations, Map<String, PersonId> people) {
        var rows = new ArrayList<Object[]>(invitations.size());
        for (var invitation : invitations) {
            var email = invitation.email().value();
            rows.add(accountRow(
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
        accounts(sync, INVITATION, rows);
    }

    @Transactional
    void assets(UUID sync, List<HubAsset> assets) {
        var keys = new ArrayList<Object[]>(assets.size());
        var rows = new ArrayList<Object[]>(assets.size());
        for (var asset : assets) {
            keys.add(new Object[] {sync, asset.ref().kind().name(), asset.ref().id()});
            rows.add(new Object[] {sync, asset.ref().kind().name(), asset.ref().id(), asset.name()});
        }
        jdbc.batchUpdate("delete from hub_sync_asset where sync_id = ? and asset_kind = ? and external_id = ?", keys);
        jdbc.batchUpdate(
                "insert into hub_sync_asset (sync_id, asset_kind, external_id, name) values (?, ?, ?, ?)", rows);
    }

    @Transactional
    void grants(UUID sync, AssetRef asset, List<AssetGrant> grants) {
        grants(sync, Map.of(asset, grants));
    }

    /** Stages pages of several assets' grants in two batches. */
    @Transactional
    void grants(UUID sync, Map<AssetRef, List<AssetGrant>> byAsset) {
        var keys = new ArrayList<Object[]>();
        var rows = new ArrayList<Object[]>();
        byAsset.forEach((asset, grants) -> {
            for (var grant : grants) {
                keys.add(new Object[] {
                    sync, asset.kind().name(), asset.id(), grant.user().value()
                });
                rows.add(new Object[] {
                    sync, asset.kind().name(), asset.id(), grant.user().value(), joined(grant.tasks())
                });
            }
        });
        jdbc.batchUpdate(
                "delete from hub_sync_assignment where sync_id = ? and asset_kind = ? and asset_id = ? and user_id = ?",
                keys);
        jdbc.batchUpdate(
                "insert into hub_sync_assignment (sync_id, asset_kind, asset_id, user_id, tasks) values (?, ?, ?, ?, ?)",
                rows);
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

    private void accounts(UUID sync, String kind, List<Object[]> rows) {
        var keys = rows.stream().map(row -> new Object[] {sync, kind, row[2]}).toList();
        jdbc.batchUpdate(
                "delete from hub_sync_account where sync_id = ? and account_kind = ? and external_id = ?", keys);
        jdbc.batchUpdate(
                "insert into hub_sync_account (sync_id, account_kind, external_id, id, email, name, role, tasks, state,"
                        + " expires_at, person_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
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

    /** Tasks as stored: sorted, comma-separated, so that equal sets compare equal as text. */
    static String joined(Set<String> tasks) {
        return String.join(",", new TreeSet<>(tasks));
    }
}
