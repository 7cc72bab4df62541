package io.hubwarden.access;

import io.hubwarden.platform.DatabaseChanges;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * The cards' versions last read, kept while the database tells this node of every change of a workspace's hubs and
 * memberships ({@link DatabaseChanges}), and forgotten, the whole workspace's, on each: a person's conditional request
 * then reads nothing when nothing changed. Reading the version was two of the three statements of such a request, and
 * their round trips most of its cost on PostgreSQL.
 *
 * <p>A version read while a change is told is not kept, since it may be older than the change: each change moves the
 * {@link #generation}, and a version is kept only if none moved it while it was read. Nothing is kept while nothing
 * listens (on H2, or while the connection that listens is lost), nor once {@link #BOUND} people's are kept, until a
 * change of their workspace makes room.
 */
@Component
class CardsVersions implements DatabaseChanges.Subscriber, AfterSaveCallback<Membership> {

    /** About 20 MiB of versions at most. */
    private static final int BOUND = 100_000;

    /** The generation of a version read that is not to be kept: generations count up from 0. */
    private static final long NOT_KEPT = -1;

    private final Map<UUID, Map<UUID, String>> byWorkspace = new ConcurrentHashMap<>();
    private final DatabaseChanges changes;
    private long generation;
    private boolean listening;
    private int kept;

    CardsVersions(DatabaseChanges changes) {
        this.changes = changes;
        changes.subscribe(this);
    }

    /** The person's version, kept or read by {@code read}. */
    String of(WorkspaceId workspace, PersonId person, Supplier<String> read) {
        var ofWorkspace = byWorkspace.get(workspace.value());
        var version = ofWorkspace == null ? null : ofWorkspace.get(person.value());
        if (version != null) {
            return version;
        }
        long readAt;
        synchronized (this) {
            readAt = listening && kept < BOUND ? generation : NOT_KEPT;
        }
        var fresh = read.get();
        if (readAt == NOT_KEPT) {
            return fresh;
        }
        synchronized (this) {
            if (listening && generation == readAt && kept < BOUND) {
                var previous = byWorkspace
                        .computeIfAbsent(workspace.value(), id -> new ConcurrentHashMap<>())
                        .put(person.value(), fresh);
                if (previous == null) {
                    kept++;
                }
            }
        }
        return fresh;
    }

    @Override
    public Membership onAfterSave(Membership membership) {
        changedOnCommit(membership.workspaceId());
        return membership;
    }

    /** Tells this node and, through the database, every other one that a card of the workspace may read differently. */
    void changedOnCommit(WorkspaceId workspace) {
        changes.committed(workspace.value().toString());
    }

    @Override
    public synchronized void listening() {
        forgetAll();
        listening = true;
    }

    @Override
    public synchronized void changed(String workspaceId) {
        generation++;
        UUID id;
        try {
            id = UUID.fromString(workspaceId);
        } catch (IllegalArgumentException notAWorkspace) {
            // Told by something other than the triggers: forget everything rather than anything stale.
            forgetAll();
            return;
        }
        var forgotten = byWorkspace.remove(id);
        if (forgotten != null) {
            kept -= forgotten.size();
        }
    }

    @Override
    public synchronized void deaf() {
        listening = false;
        forgetAll();
    }

    /** How many people's versions are kept. */
    synchronized int kept() {
        return kept;
    }

    private void forgetAll() {
        generation++;
        byWorkspace.clear();
        kept = 0;
    }
}
