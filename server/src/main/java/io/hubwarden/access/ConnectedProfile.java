package io.hubwarden.access;

import io.hubwarden.connector.HubKind;
import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's own hub profile (their Facebook login), linked to one hub and verified as a member of its business. The
 * profile's token is kept sealed, bound to this row; it is opened only to call the hub as the person.
 */
@Table
class ConnectedProfile {

    @Id
    private final UUID id;

    private final WorkspaceId workspaceId;
    private final HubId hubId;
    private final PersonId personId;
    private final HubKind provider;
    private String profileUserId;
    private String hubUserId;
    private String displayName;
    private String sealedToken;
    private String scopes;
    private @Nullable Instant expiresAt;
    private Instant connectedAt;

    @Version
    private long version;

    @PersistenceCreator
    @SuppressWarnings("TooManyParameters") // one per column, as Spring Data JDBC loads it
    ConnectedProfile(
            UUID id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            HubKind provider,
            String profileUserId,
            String hubUserId,
            String displayName,
            String sealedToken,
            String scopes,
            @Nullable Instant expiresAt,
            Instant connectedAt,
            long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.hubId = hubId;
        this.personId = personId;
        this.provider = provider;
        this.profileUserId = profileUserId;
        this.hubUserId = hubUserId;
        this.displayName = displayName;
        this.sealedToken = sealedToken;
        this.scopes = scopes;
        this.expiresAt = expiresAt;
        this.connectedAt = connectedAt;
        this.version = version;
    }

    /** What {@link #sealedToken} is bound to, so that a sealed token cannot be moved to another row. */
    static String sealedFor(UUID id) {
        return "connected-profile:" + id + ":token";
    }

    @SuppressWarnings("TooManyParameters") // what a verified profile is made of
    static ConnectedProfile verified(
            UUID id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            HubKind provider,
            VerifiedProfile profile,
            Instant now) {
        return new ConnectedProfile(
                id,
                workspaceId,
                hubId,
                personId,
                provider,
                profile.profileUserId(),
                profile.hubUserId(),
                profile.displayName(),
                profile.sealedToken(),
                profile.scopes(),
                profile.expiresAt(),
                now,
                0);
    }

    /** The same person connected again: the newest profile and token replace the old ones. */
    void reconnected(VerifiedProfile profile, Instant now) {
        this.profileUserId = profile.profileUserId();
        this.hubUserId = profile.hubUserId();
        this.displayName = profile.displayName();
        this.sealedToken = profile.sealedToken();
        this.scopes = profile.scopes();
        this.expiresAt = profile.expiresAt();
        this.connectedAt = now;
    }

    UUID id() {
        return id;
    }

    String hubUserId() {
        return hubUserId;
    }

    String displayName() {
        return displayName;
    }

    String sealedToken() {
        return sealedToken;
    }

    /**
     * A profile the hub verified, with its token already sealed for the row it goes to.
     *
     * @param scopes the granted permissions, comma-separated
     */
    record VerifiedProfile(
            String profileUserId,
            String hubUserId,
            String displayName,
            String sealedToken,
            String scopes,
            @Nullable Instant expiresAt) {}
}
