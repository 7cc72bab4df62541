package io.hubwarden.workspace;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface WorkspaceRepository extends ListCrudRepository<Workspace, WorkspaceId> {

    Optional<Workspace> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
