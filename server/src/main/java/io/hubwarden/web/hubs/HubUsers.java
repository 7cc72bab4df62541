package io.hubwarden.web.hubs;

import io.hubwarden.access.AccessShares;
import io.hubwarden.access.MembershipNote;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubRole;
import io.hubwarden.hub.HubAccountView;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.PersonView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rows of a hub's Users table, for the page and the CSV export alike: every membership with the person's name,
 * then every hub account no one holds, sorted by name. A fixed number of queries whatever the number of people.
 */
@Component
class HubUsers {

    private static final Comparator<UserRow> BY_NAME =
            Comparator.comparing(UserRow::sortName).thenComparing(row -> Objects.toString(row.email(), ""));

    private final AccessShares access;
    private final Hubs hubs;

    HubUsers(AccessShares access, Hubs hubs) {
        this.access = access;
        this.hubs = hubs;
    }

    /** Every row of the hub's table, by name; {@code people} are the workspace's, for their names. */
    List<UserRow> of(HubView hub, List<PersonView> people) {
        var summaries = access.summariesOf(hub.workspaceId(), hub.id());
        var names = new HashMap<PersonId, String>();
        for (PersonView person : people) {
            names.put(person.id(), person.name());
        }
        var rows = new ArrayList<UserRow>(summaries.size());
        for (var summary : summaries) {
            var membership = summary.membership();
            var note = membership.note();
            rows.add(new UserRow(
                    names.getOrDefault(membership.personId(), ""),
                    membership.email(),
                    membership.role(),
                    membership.hubRole(),
                    UserStatus.of(membership.status()),
                    summary.assets(),
                    membership.statusChangedAt(),
                    note == null ? null : noteText(note),
                    membership.personId(),
                    null));
        }
        var accounts = hubs.unmatched(hub.workspaceId(), hub.id());
        Map<String, Integer> assets = accounts.stream().anyMatch(HubAccountView::member)
                ? hubs.assetCounts(hub.workspaceId(), hub.id())
                : Map.of();
        for (var account : accounts) {
            rows.add(new UserRow(
                    account.name(),
                    account.email(),
                    null,
                    account.role(),
                    account.exempted() ? UserStatus.EXEMPTED : UserStatus.UNMATCHED,
                    account.member() ? assets.getOrDefault(account.externalId(), 0) : 0,
                    account.updatedAt(),
                    account.exemptReason(),
                    null,
                    account.id()));
        }
        rows.sort(BY_NAME);
        return rows;
    }

    /** How many rows have each status. */
    static Map<UserStatus, Integer> countByStatus(List<UserRow> rows) {
        var counts = new EnumMap<UserStatus, Integer>(UserStatus.class);
        for (var status : UserStatus.values()) {
            counts.put(status, 0);
        }
        rows.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
        return counts;
    }

    /** The rows a filter keeps: one status, or everyone who is in the hub or on their way in. */
    static List<UserRow> filter(List<UserRow> rows, @Nullable UserStatus status) {
        return rows.stream()
                .filter(row -> status == null ? row.status().shownByDefault() : row.status() == status)
                .toList();
    }

    /** The hub's role names by code, for showing "Partial access" rather than {@code EMPLOYEE}. */
    Map<String, String> roleNames(HubView hub) {
        try {
            var names = new HashMap<String, String>();
            for (HubRole role : hubs.call(hub.id(), (connector, credential) -> connector.roles())) {
                names.put(role.code(), role.displayName());
            }
            return names;
        } catch (HubFailure failure) {
            // A hub whose credentials need review still shows its people, with the roles' codes.
            return Map.of();
        }
    }

    private static String noteText(MembershipNote note) {
        return note.message().isBlank() ? note.code() : note.message();
    }
}
