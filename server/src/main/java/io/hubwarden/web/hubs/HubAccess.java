package io.hubwarden.web.hubs;

import io.hubwarden.access.AccessShares;
import io.hubwarden.access.HubRoleOfPerson;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see and manage a hub in the dashboard. A hub of another workspace does not exist (404). A hub's page is for
 * the people it is shared with and for the workspace's Owners and Super Admins; changing it (syncs, their review,
 * the credential) is for its Owners and Managers, the person who connected it counting as its Owner from the start.
 */
@Component
class HubAccess {

    private final Hubs hubs;
    private final AccessShares access;

    HubAccess(Hubs hubs, AccessShares access) {
        this.hubs = hubs;
        this.access = access;
    }

    /**
     * The hub, if the person may open its page.
     *
     * @throws ResponseStatusException 404 when the workspace has no such hub, 403 when it is not shared with them
     */
    HubView readable(SignedInPerson me, String hubId) {
        var hub = inWorkspace(me, hubId);
        if (!mayRead(me, hub)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The hub is not shared with this person");
        }
        return hub;
    }

    /**
     * The hub, if the person may change it.
     *
     * @throws ResponseStatusException 404 when the workspace has no such hub, 403 unless they own or manage it
     */
    HubView managed(SignedInPerson me, String hubId) {
        var hub = inWorkspace(me, hubId);
        if (!mayManage(me, hub)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the hub's Owners and Managers change it");
        }
        return hub;
    }

    boolean mayRead(SignedInPerson me, HubView hub) {
        return me.can(Permission.MANAGE_WORKSPACE)
                || (me.can(Permission.VIEW_SHARED_HUBS)
                        && (connectedBy(me, hub)
                                || access.roleOn(hub.id(), me.personId()).isPresent()));
    }

    boolean mayManage(SignedInPerson me, HubView hub) {
        return me.can(Permission.CONNECT_HUB)
                && (connectedBy(me, hub)
                        || access.roleOn(hub.id(), me.personId())
                                .filter(HubRoleOfPerson::mayShare)
                                .isPresent());
    }

    private HubView inWorkspace(SignedInPerson me, String hubId) {
        return hubs.hub(me.workspaceId(), parse(hubId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such hub"));
    }

    private static boolean connectedBy(SignedInPerson me, HubView hub) {
        return hub.ownerPersonId().equals(me.personId());
    }

    static HubId parse(String text) {
        try {
            return HubId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a hub id", e);
        }
    }
}
