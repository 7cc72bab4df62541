package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;

/**
 * What a person may do with a hub in Hubwarden: their effective grant's role.
 *
 * @param grant the effective grant over all their shares of the hub
 */
public record HubRoleOfPerson(HubId hubId, PersonId personId, EffectiveGrant grant) {

    public AccessRole role() {
        return grant.role();
    }

    /** Whether the person may share the hub with others (its Owners and Managers). */
    public boolean mayShare() {
        return grant.role().mayShare();
    }
}
