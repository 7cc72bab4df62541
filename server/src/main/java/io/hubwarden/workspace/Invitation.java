package io.hubwarden.workspace;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A workspace invitation: a single-use, expiring set-password link. Only the SHA-256 of the link's token is kept,
 * so the database alone cannot be used to accept an invitation.
 */
@Table
@SuppressWarnings("UnusedVariable") // columns kept for the record, read by Spring Data and by people reading the table
class Invitation {

    private final @Id InvitationId id;
    private final WorkspaceId workspaceId;
    private final PersonId personId;
    private final String tokenHash;
    private final PersonId invitedBy;
    private final Instant createdAt;
    private final Instant expiresAt;
    private @Nullable Instant usedAt;

    @SuppressWarnings("UnusedVariable") // Spring Data's optimistic lock
    private @Version @Nullable Long version;

    @PersistenceCreator
    Invitation(
            InvitationId id,
            WorkspaceId workspaceId,
            PersonId personId,
            String tokenHash,
            PersonId invitedBy,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable Long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.personId = personId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.usedAt = usedAt;
        this.version = version;
    }

    static Invitation issue(
            InvitationId id, PersonView invitee, String tokenHash, PersonId invitedBy, Instant now, Duration validity) {
        return new Invitation(
                id, invitee.workspaceId(), invitee.id(), tokenHash, invitedBy, now, now.plus(validity), null, null);
    }

    /**
     * Checks that the link may still be used at {@code now}.
     *
     * @throws InvitationAlreadyUsed when it was used (or replaced by a newer invitation)
     * @throws InvitationExpired when its time ran out
     */
    void checkUsable(Instant now) {
        if (usedAt != null) {
            throw new InvitationAlreadyUsed();
        }
        if (!now.isBefore(expiresAt)) {
            throw new InvitationExpired(expiresAt);
        }
    }

    /** Uses the link up; a second use is refused by {@link #checkUsable}. */
    void use(Instant now) {
        checkUsable(now);
        this.usedAt = now;
    }

    /** Retires the link when a newer invitation replaces it. */
    void withdraw(Instant now) {
        if (usedAt == null) {
            this.usedAt = now;
        }
    }

    boolean isOpen() {
        return usedAt == null;
    }

    PersonId personId() {
        return personId;
    }

    WorkspaceId workspaceId() {
        return workspaceId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
