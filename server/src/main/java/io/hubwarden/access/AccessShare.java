package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A grant of a hub to a person: the Hubwarden role on the hub, the hub-native role, asset tasks, and whether it takes
 * a seat in the hub or only shows the hub in Hubwarden. A person holds at most one direct share per hub; sharing
 * again replaces its terms.
 */
@Table
class AccessShare {

    @Id
    private final ShareId id;

    private final WorkspaceId workspaceId;
    private final HubId hubId;
    private final PersonId personId;
    private AccessRole role;
    private String hubRole;
    private int hubRoleRank;
    private boolean takesSeat;
    private PersonId sharedBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private Set<ShareAsset> assets;

    @Version
    private long version;

    @PersistenceCreator
    @SuppressWarnings("TooManyParameters") // one per column, as Spring Data JDBC loads it
    AccessShare(
            ShareId id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            AccessRole role,
            String hubRole,
            int hubRoleRank,
            boolean takesSeat,
            PersonId sharedBy,
            Instant createdAt,
            Instant updatedAt,
            Set<ShareAsset> assets,
            long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.hubId = hubId;
        this.personId = personId;
        this.role = role;
        this.hubRole = hubRole;
        this.hubRoleRank = hubRoleRank;
        this.takesSeat = takesSeat;
        this.sharedBy = sharedBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.assets = new HashSet<>(assets);
        this.version = version;
    }

    static AccessShare create(
            ShareId id, WorkspaceId workspaceId, HubId hubId, PersonId personId, ShareTerms terms, Instant now) {
        return new AccessShare(
                id,
                workspaceId,
                hubId,
                personId,
                terms.role(),
                terms.hubRole(),
                terms.hubRoleRank(),
                terms.takesSeat(),
                terms.sharedBy(),
                now,
                now,
                assetsOf(terms),
                0);
    }

    /** Replaces the terms of the share with those of a new share of the same hub to the same person. */
    void replace(ShareTerms terms, Instant now) {
        this.role = terms.role();
        this.hubRole = terms.hubRole();
        this.hubRoleRank = terms.hubRoleRank();
        this.takesSeat = terms.takesSeat();
        this.sharedBy = terms.sharedBy();
        this.assets = assetsOf(terms);
        this.updatedAt = now;
    }

    private static Set<ShareAsset> assetsOf(ShareTerms terms) {
        var stored = new HashSet<ShareAsset>();
        terms.assets().forEach(asset -> stored.add(ShareAsset.of(asset)));
        return stored;
    }

    ShareId id() {
        return id;
    }

    WorkspaceId workspaceId() {
        return workspaceId;
    }

    HubId hubId() {
        return hubId;
    }

    PersonId personId() {
        return personId;
    }

    AccessRole role() {
        return role;
    }

    String hubRole() {
        return hubRole;
    }

    int hubRoleRank() {
        return hubRoleRank;
    }

    boolean takesSeat() {
        return takesSeat;
    }

    PersonId sharedBy() {
        return sharedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The share was inserted with its first version, as Spring Data JDBC inserts a primitive version. */
    void inserted() {
        version = 1;
    }

    /** The asset entitlements as their rows store them. */
    Set<ShareAsset> storedAssets() {
        return Set.copyOf(assets);
    }

    List<AssetEntitlement> assets() {
        return assets.stream().map(ShareAsset::entitlement).toList();
    }
}
