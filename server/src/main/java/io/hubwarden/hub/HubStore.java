package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface HubStore extends ListCrudRepository<Hub, HubId> {

    /**
     * The workspace's hub with this id. Read by id and then checked, because a derived query builds its SQL on every
     * call, which made each "shared with you" mail cost more than the statement.
     */
    default Optional<Hub> findByIdAndWorkspaceId(HubId id, WorkspaceId workspaceId) {
        return findById(id).filter(hub -> hub.workspaceId().equals(workspaceId));
    }

    List<Hub> findByWorkspaceIdOrderByLabelAsc(WorkspaceId workspaceId);

    boolean existsByWorkspaceIdAndKindAndBusinessId(WorkspaceId workspaceId, HubKind kind, String businessId);
}
