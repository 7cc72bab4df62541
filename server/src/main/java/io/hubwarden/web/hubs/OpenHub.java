package io.hubwarden.web.hubs;

import io.hubwarden.access.AccessShares;
import io.hubwarden.access.HubRoleOfPerson;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A hub as one person opens its Users and Jobs pages.
 *
 * @param manages whether the person is an Owner or Manager of the hub and may act on its people and jobs
 */
record OpenHub(HubView hub, boolean manages) {

    /**
     * The hub, if the person may look at it: not found for an id that is not a hub of their workspace, forbidden when
     * the hub is not shared with them or their workspace role opens no hub pages.
     */
    static OpenHub of(SignedInPerson me, String hubId, Hubs hubs, AccessShares access) {
        HubId id;
        try {
            id = HubId.parse(hubId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a hub id", e);
        }
        var hub = hubs.hub(me.workspaceId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such hub"));
        var role = access.roleOn(id, me.personId());
        if (!me.can(Permission.VIEW_SHARED_HUBS) || role.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The hub is not shared with this person");
        }
        return new OpenHub(
                hub,
                me.can(Permission.SHARE_ACCESS)
                        && role.filter(HubRoleOfPerson::mayShare).isPresent());
    }

    /** Refuses people who do not manage the hub. */
    OpenHub requireManager() {
        if (!manages) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the hub's Owners and Managers act on it");
        }
        return this;
    }
}
