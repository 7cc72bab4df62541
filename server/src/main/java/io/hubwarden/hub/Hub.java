package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A business hub connected to a workspace: which business, who connected it, its sealed service credential and its
 * health. The health moves only through the methods here, each saying why.
 */
@Table
class Hub extends AbstractAggregateRoot<Hub> {

    static final int MAX_LABEL_LENGTH = 120;
    private static final int MAX_REASON_LENGTH = 1000;

    private final @Id HubId id;
    private final WorkspaceId workspaceId;
    private final HubKind kind;
    private final String label;
    private final String businessId;
    private String businessName;
    private final String settings;
    private final PersonId ownerPersonId;
    private String credential;
    private CredentialMethod credentialMethod;
    private @Nullable Instant credentialExpires;
    private HubHealth health;
    private @Nullable String healthReason;
    private final int safeguardPercent;
    private final Instant connectedAt;
    private @Nullable Instant lastSyncAt;

    @SuppressWarnings("UnusedVariable") // Spring Data's optimistic lock
    private @Version @Nullable Long version;

    @PersistenceCreator
    @SuppressWarnings("TooManyParameters") // the persistence constructor mirrors the table
    Hub(
            HubId id,
            WorkspaceId workspaceId,
            HubKind kind,
            String label,
            String businessId,
            String businessName,
            String settings,
            PersonId ownerPersonId,
            String credential,
            CredentialMethod credentialMethod,
            @Nullable Instant credentialExpires,
            HubHealth health,
            @Nullable String healthReason,
            int safeguardPercent,
            Instant connectedAt,
            @Nullable Instant lastSyncAt,
            @Nullable Long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.kind = kind;
        this.label = label;
        this.businessId = businessId;
        this.businessName = businessName;
        this.settings = settings;
        this.ownerPersonId = ownerPersonId;
        this.credential = credential;
        this.credentialMethod = credentialMethod;
        this.credentialExpires = credentialExpires;
        this.health = health;
        this.healthReason = healthReason;
        this.safeguardPercent = safeguardPercent;
        this.connectedAt = connectedAt;
        this.lastSyncAt = lastSyncAt;
        this.version = version;
    }

    /** A hub just connected by {@code owner}, whose credential passed the live check. */
    @SuppressWarnings("TooManyParameters") // everything a new connection is made of
    static Hub connected(
            HubId id,
            WorkspaceId workspaceId,
            HubKind kind,
            String label,
            String businessId,
            String businessName,
            String settings,
            PersonId owner,
            SealedCredential credential,
            int safeguardPercent,
            Instant now) {
        var hub = new Hub(
                id,
                workspaceId,
                kind,
                checkedLabel(label),
                businessId,
                businessName,
                settings,
                owner,
                credential.sealed(),
                credential.method(),
                credential.expiresAt(),
                HubHealth.HEALTHY,
                null,
                safeguardPercent,
                now,
                null,
                null);
        hub.registerEvent(new HubConnected(workspaceId, id, owner));
        return hub;
    }

    /** A new credential passed the live check: the hub is healthy again. */
    void reconnected(SealedCredential sealed, String currentBusinessName) {
        credential = sealed.sealed();
        credentialMethod = sealed.method();
        credentialExpires = sealed.expiresAt();
        businessName = currentBusinessName;
        health = HubHealth.HEALTHY;
        healthReason = null;
    }

    /** The hub refused the credential; registers {@link HubCredentialsExpired} the first time. */
    void credentialsExpired(String reason) {
        if (health == HubHealth.REVIEW_CREDENTIALS || health == HubHealth.DISCONNECTED) {
            return;
        }
        health = HubHealth.REVIEW_CREDENTIALS;
        healthReason = shortened(reason);
        registerEvent(new HubCredentialsExpired(workspaceId, id));
    }

    /** The hub refused the connection as configured (business gone, permission missing). */
    void configurationRefused(String reason) {
        if (health == HubHealth.REVIEW_CREDENTIALS || health == HubHealth.DISCONNECTED) {
            return;
        }
        health = HubHealth.REVIEW_CONFIGURATION;
        healthReason = shortened(reason);
    }

    /** A sync would remove too much and waits for review. */
    void syncHalted(String reason) {
        if (health == HubHealth.HEALTHY || health == HubHealth.SYNC_REQUIRED) {
            health = HubHealth.SYNC_REQUIRED;
            healthReason = shortened(reason);
        }
    }

    /** A sync was applied: what the hub shows is known as of {@code now}; registers {@link HubSynced}. */
    void synced(String currentBusinessName, Instant now) {
        lastSyncAt = now;
        businessName = currentBusinessName;
        if (health == HubHealth.SYNC_REQUIRED || health == HubHealth.REVIEW_CONFIGURATION) {
            health = HubHealth.HEALTHY;
            healthReason = null;
        }
        registerEvent(new HubSynced(workspaceId, id));
    }

    /** A halted sync was discarded: the hub keeps what the previous sync saw. */
    void haltedSyncDiscarded() {
        if (health == HubHealth.SYNC_REQUIRED) {
            health = HubHealth.HEALTHY;
            healthReason = null;
        }
    }

    /** Whether jobs may call the hub. */
    boolean callable() {
        return callable(health);
    }

    /** Whether a hub in this health may be called: not while its credential is known to be refused or gone. */
    static boolean callable(HubHealth health) {
        return health != HubHealth.DISCONNECTED && health != HubHealth.REVIEW_CREDENTIALS;
    }

    HubView view(@Nullable URI console) {
        return new HubView(
                id,
                workspaceId,
                kind,
                label,
                businessId,
                businessName,
                ownerPersonId,
                health,
                healthReason,
                connectedAt,
                lastSyncAt,
                safeguardPercent,
                console);
    }

    static String checkedLabel(String label) {
        var trimmed = label.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("a hub label is 1 to " + MAX_LABEL_LENGTH + " characters");
        }
        return trimmed;
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    HubId id() {
        return id;
    }

    WorkspaceId workspaceId() {
        return workspaceId;
    }

    HubKind kind() {
        return kind;
    }

    String businessId() {
        return businessId;
    }

    String businessName() {
        return businessName;
    }

    String settings() {
        return settings;
    }

    PersonId ownerPersonId() {
        return ownerPersonId;
    }

    String credential() {
        return credential;
    }

    HubHealth health() {
        return health;
    }

    int safeguardPercent() {
        return safeguardPercent;
    }
}
