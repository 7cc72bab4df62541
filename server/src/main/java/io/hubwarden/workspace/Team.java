package io.hubwarden.workspace;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A group of people of one workspace, managed in Hubwarden or by the identity provider. Hubs can be shared with a
 * team; its members then hold the share through it.
 */
@Table
@SuppressWarnings("UnusedVariable") // columns read by Spring Data; the team pages will read them too
class Team {

    private final @Id TeamId id;
    private final WorkspaceId workspaceId;
    private final String name;
    private final PersonSource source;
    private final @Nullable String externalId;
    private final Instant createdAt;

    @MappedCollection
    private final Set<TeamMember> members;

    @SuppressWarnings("UnusedVariable") // Spring Data's optimistic lock
    private @Version @Nullable Long version;

    @PersistenceCreator
    Team(
            TeamId id,
            WorkspaceId workspaceId,
            String name,
            PersonSource source,
            @Nullable String externalId,
            Instant createdAt,
            Set<TeamMember> members,
            @Nullable Long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.name = name;
        this.source = source;
        this.externalId = externalId;
        this.createdAt = createdAt;
        this.members = new HashSet<>(members);
        this.version = version;
    }

    static Team local(TeamId id, WorkspaceId workspaceId, String name, Instant now) {
        return new Team(id, workspaceId, name.trim(), PersonSource.LOCAL, null, now, Set.of(), null);
    }

    /** Adds a person of the same workspace; adding a member twice changes nothing. */
    void add(PersonView person) {
        if (!person.workspaceId().equals(workspaceId)) {
            throw new IllegalArgumentException("A team only holds people of its own workspace");
        }
        members.add(new TeamMember(person.id()));
    }

    TeamId id() {
        return id;
    }

    String name() {
        return name;
    }

    PersonSource source() {
        return source;
    }

    Set<PersonId> memberIds() {
        var ids = new HashSet<PersonId>();
        members.forEach(member -> ids.add(member.personId()));
        return ids;
    }
}
