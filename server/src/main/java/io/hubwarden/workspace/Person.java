package io.hubwarden.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A person of one workspace. The email is normalised and unique within the workspace. */
@Table
class Person extends AbstractAggregateRoot<Person> {

    static final int MAX_NAME_LENGTH = 120;

    private final @Id PersonId id;
    private final WorkspaceId workspaceId;
    private final String email;
    private final String name;
    private final WorkspaceRole role;
    private PersonStatus status;
    private final PersonSource source;
    private final @Nullable String externalId;
    private @Nullable String passwordHash;
    private final Instant createdAt;
    private @Nullable Instant activatedAt;

    @SuppressWarnings("UnusedVariable") // Spring Data's optimistic lock
    private @Version @Nullable Long version;

    @PersistenceCreator
    @SuppressWarnings("TooManyParameters") // the persistence constructor mirrors the table
    Person(
            PersonId id,
            WorkspaceId workspaceId,
            String email,
            String name,
            WorkspaceRole role,
            PersonStatus status,
            PersonSource source,
            @Nullable String externalId,
            @Nullable String passwordHash,
            Instant createdAt,
            @Nullable Instant activatedAt,
            @Nullable Long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.email = email;
        this.name = name;
        this.role = role;
        this.status = status;
        this.source = source;
        this.externalId = externalId;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.activatedAt = activatedAt;
        this.version = version;
    }

    /** The first Owner of a new workspace: active, with a password. */
    static Person owner(
            PersonId id, WorkspaceId workspaceId, EmailAddress email, String name, String passwordHash, Instant now) {
        return new Person(
                id,
                workspaceId,
                email.value(),
                checkedName(name),
                WorkspaceRole.OWNER,
                PersonStatus.ACTIVE,
                PersonSource.LOCAL,
                null,
                passwordHash,
                now,
                now,
                null);
    }

    /** Someone invited by {@code inviter}; signs in once they have set a password. */
    static Person invited(
            PersonId id,
            WorkspaceId workspaceId,
            EmailAddress email,
            String name,
            WorkspaceRole role,
            PersonId inviter,
            Instant now) {
        var person = new Person(
                id,
                workspaceId,
                email.value(),
                checkedName(name),
                role,
                PersonStatus.INVITED,
                PersonSource.LOCAL,
                null,
                null,
                now,
                null,
                null);
        person.registerEvent(new PersonInvited(workspaceId, id, email.value(), role, inviter));
        return person;
    }

    /**
     * Sets the first password of an invited person, who becomes active.
     *
     * @throws IllegalStateException when the person is not {@link PersonStatus#INVITED}; invitations check this first
     */
    void activate(String newPasswordHash, Instant now) {
        if (status != PersonStatus.INVITED) {
            throw new IllegalStateException("Only an invited person is activated, " + id + " is " + status);
        }
        this.status = PersonStatus.ACTIVE;
        this.passwordHash = newPasswordHash;
        this.activatedAt = now;
        registerEvent(new PersonActivated(workspaceId, id));
    }

    boolean isInvited() {
        return status == PersonStatus.INVITED;
    }

    boolean isActive() {
        return status == PersonStatus.ACTIVE;
    }

    PersonView view() {
        return new PersonView(id, workspaceId, email, name, role, status, source, externalId, createdAt, activatedAt);
    }

    SignedInPerson signedIn() {
        return new SignedInPerson(id, workspaceId, role, email, name);
    }

    PersonId id() {
        return id;
    }

    WorkspaceId workspaceId() {
        return workspaceId;
    }

    String email() {
        return email;
    }

    WorkspaceRole role() {
        return role;
    }

    @Nullable
    String passwordHash() {
        return passwordHash;
    }

    private static String checkedName(String name) {
        var trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}
