package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Memberships extends ListCrudRepository<Membership, MembershipId> {

    Optional<Membership> findByHubIdAndPersonId(HubId hubId, PersonId personId);

    List<Membership> findByHubIdAndPersonIdIn(HubId hubId, Collection<PersonId> personIds);

    Optional<Membership> findByIdAndWorkspaceId(MembershipId id, WorkspaceId workspaceId);

    List<Membership> findByHubId(HubId hubId);
}
