package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface HubStore extends ListCrudRepository<Hub, HubId> {

    Optional<Hub> findByIdAndWorkspaceId(HubId id, WorkspaceId workspaceId);

    List<Hub> findByWorkspaceIdOrderByLabelAsc(WorkspaceId workspaceId);

    boolean existsByWorkspaceIdAndKindAndBusinessId(WorkspaceId workspaceId, HubKind kind, String businessId);
}
