package io.hubwarden.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of a workspace's people: one query mapped straight to {@link PersonView}s, without loading
 * aggregates, so that lists of thousands of people (a hub's Users table, a sync's matching) stay cheap.
 */
@Component
class PeopleDirectory {

    private static final String QUERY = """
            select id, workspace_id, email, name, role, status, source, external_id, created_at, activated_at
              from person
             where workspace_id = :workspace
             order by name, email
            """;

    private static final String BY_EMAIL = """
            select id, workspace_id, email, name, role, status, source, external_id, created_at, activated_at
              from person
             where workspace_id = :workspace and email in (:emails)
            """;

    /**
     * By id alone, the workspace compared afterwards: with the workspace in the condition, PostgreSQL without fresh
     * statistics walks the workspace's (workspace, email) index and filters every person by id.
     */
    private static final String BY_ID = """
            select id, workspace_id, email, name, role, status, source, external_id, created_at, activated_at
              from person
             where id in (:ids)
            """;

    private static final String ONE = """
            select id, workspace_id, email, name, role, status, source, external_id, created_at, activated_at
              from person
             where id = :id and workspace_id = :workspace
            """;

    private static final String MATCHABLE = """
            select id, email
              from person
             where workspace_id = :workspace and status <> :deactivated
            """;

    /** Addresses per query: within what both databases take as parameters of one statement. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    PeopleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone in the workspace, whatever their status, by name. */
    List<PersonView> of(WorkspaceId workspaceId) {
        return jdbc.sql(QUERY)
                .param("workspace", workspaceId.value())
                .query(PeopleDirectory::view)
                .list();
    }

    /**
     * One person of the workspace, read as a view: every "shared with you" mail reads two people, and mapping the
     * aggregate cost more than the rest of the mail's reading.
     */
    Optional<PersonView> one(WorkspaceId workspaceId, PersonId id) {
        return jdbc.sql(ONE)
                .param("id", id.value())
                .param("workspace", workspaceId.value())
                .query(PeopleDirectory::view)
                .optional();
    }

    /**
     * The id of each person of the workspace who is not deactivated, by address: two columns, so that matching a
     * hub of 100 000 accounts does not map 100 000 full views.
     */
    Map<String, PersonId> matchableByEmail(WorkspaceId workspaceId) {
        var people = new HashMap<String, PersonId>();
        jdbc.sql(MATCHABLE)
                .param("workspace", workspaceId.value())
                .param("deactivated", PersonStatus.DEACTIVATED.name())
                .query((RowCallbackHandler)
                        row -> people.put(row.getString(2), new PersonId(row.getObject(1, UUID.class))));
        return people;
    }

    /** The workspace's people with these ids, a thousand ids a query. */
    List<PersonView> withIds(WorkspaceId workspaceId, Collection<PersonId> ids) {
        var distinct = ids.stream().map(PersonId::value).distinct().toList();
        var found = new ArrayList<PersonView>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            jdbc
                    .sql(BY_ID)
                    .param("ids", distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
                    .query(PeopleDirectory::view)
                    .list()
                    .stream()
                    .filter(person -> person.workspaceId().equals(workspaceId))
                    .forEach(found::add);
        }
        return found;
    }

    /** The workspace's people with these (normalised) addresses, a thousand addresses a query. */
    List<PersonView> withEmails(WorkspaceId workspaceId, Collection<String> emails) {
        var distinct = List.copyOf(new LinkedHashSet<>(emails));
        var found = new ArrayList<PersonView>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            found.addAll(jdbc.sql(BY_EMAIL)
                    .param("workspace", workspaceId.value())
                    .param("emails", distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
                    .query(PeopleDirectory::view)
                    .list());
        }
        return found;
    }

    private static PersonView view(ResultSet row, int number) throws SQLException {
        var activated = row.getTimestamp("activated_at");
        return new PersonView(
                new PersonId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                row.getString("email"),
                row.getString("name"),
                WorkspaceRole.valueOf(row.getString("role")),
                PersonStatus.valueOf(row.getString("status")),
                PersonSource.valueOf(row.getString("source")),
                row.getString("external_id"),
                row.getTimestamp("created_at").toInstant(),
                activated == null ? null : activated.toInstant());
    }
}
