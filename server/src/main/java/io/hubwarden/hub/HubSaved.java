package io.hubwarden.hub;

import io.hubwarden.platform.DatabaseChanges;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Tells this node, once a hub's save commits, that its workspace changed: what the tenant cards show of a hub
 * (its business, its connection) is kept by the nodes, and the database tells the others ({@link DatabaseChanges}).
 */
@Component
class HubSaved implements AfterSaveCallback<Hub> {

    private final DatabaseChanges changes;

    HubSaved(DatabaseChanges changes) {
        this.changes = changes;
    }

    @Override
    public Hub onAfterSave(Hub hub) {
        changes.committed(hub.workspaceId().value().toString());
        return hub;
    }
}
