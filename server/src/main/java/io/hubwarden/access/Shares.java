package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Shares extends ListCrudRepository<AccessShare, ShareId> {

    List<AccessShare> findByHubIdAndPersonId(HubId hubId, PersonId personId);

    List<AccessShare> findByHubIdAndPersonIdIn(HubId hubId, Collection<PersonId> personIds);

    long countByHubIdAndRole(HubId hubId, AccessRole role);
}
