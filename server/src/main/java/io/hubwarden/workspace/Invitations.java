package io.hubwarden.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Invitations extends ListCrudRepository<Invitation, InvitationId> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByPersonIdAndUsedAtIsNull(PersonId personId);
}
