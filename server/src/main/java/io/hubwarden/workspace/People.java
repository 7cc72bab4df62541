package io.hubwarden.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface People extends ListCrudRepository<Person, PersonId> {

    Optional<Person> findByWorkspaceIdAndEmail(WorkspaceId workspaceId, String email);

    /** The same email in every workspace that has it; sign-in without a workspace looks here. */
    List<Person> findByEmail(String email);
}
