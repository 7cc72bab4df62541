package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ConnectedProfiles extends ListCrudRepository<ConnectedProfile, UUID> {

    Optional<ConnectedProfile> findByHubIdAndPersonId(HubId hubId, PersonId personId);
}
