package io.hubwarden.workspace;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A tenant of the installation: its people, teams, hubs and shares all carry its id. */
@Table
class Workspace extends AbstractAggregateRoot<Workspace> {

    static final int MAX_NAME_LENGTH = 120;
    static final int MAX_SLUG_LENGTH = 48;

    private final @Id WorkspaceId id;
    private final String name;
    private final String slug;
    private final Instant createdAt;

    @SuppressWarnings("UnusedVariable") // Spring Data's optimistic lock
    private @Version @Nullable Long version;

    @PersistenceCreator
    Workspace(WorkspaceId id, String name, String slug, Instant createdAt, @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new workspace; {@code slug} must be free (see {@link #slugFor(String)}). */
    static Workspace create(WorkspaceId id, String name, String slug, PersonId owner, Instant now) {
        var trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "A workspace name has 1 to " + MAX_NAME_LENGTH + " characters: '" + name + "'");
        }
        var workspace = new Workspace(id, trimmed, slug, now, null);
        workspace.registerEvent(new WorkspaceCreated(id, trimmed, slug, owner));
        return workspace;
    }

    /**
     * The address-friendly form of a name: lower-case letters, digits and single dashes ("Acme Ads, Inc." becomes
     * "acme-ads-inc"); "workspace" when nothing is left.
     */
    static String slugFor(String name) {
        var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workspace" : slug;
    }

    WorkspaceView view() {
        return new WorkspaceView(id, name, slug, createdAt);
    }

    WorkspaceId id() {
        return id;
    }

    String name() {
        return name;
    }

    String slug() {
        return slug;
    }
}
