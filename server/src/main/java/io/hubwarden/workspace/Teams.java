package io.hubwarden.workspace;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Teams extends ListCrudRepository<Team, TeamId> {

    List<Team> findByWorkspaceIdOrderByNameAsc(WorkspaceId workspaceId);
}
