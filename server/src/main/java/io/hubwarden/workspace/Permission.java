package io.hubwarden.workspace;

import static io.hubwarden.workspace.WorkspaceRole.ADMIN;
import static io.hubwarden.workspace.WorkspaceRole.GUEST_USER;
import static io.hubwarden.workspace.WorkspaceRole.LOGIN_ONLY;
import static io.hubwarden.workspace.WorkspaceRole.OWNER;
import static io.hubwarden.workspace.WorkspaceRole.SUPER_ADMIN;
import static io.hubwarden.workspace.WorkspaceRole.USER;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a workspace role allows: the permission matrix, the same table as docs/permissions.md (a test keeps the two
 * equal). Each permission is also a Spring Security authority of the signed-in person, named as the constant.
 */
public enum Permission {
    /** See one's own tenant cards and connect one's own hub profiles. */
    VIEW_OWN_CARDS(OWNER, SUPER_ADMIN, ADMIN, USER, GUEST_USER, LOGIN_ONLY),
    /** Open the pages of hubs shared with oneself (beyond the tenant card). */
    VIEW_SHARED_HUBS(OWNER, SUPER_ADMIN, ADMIN, USER, GUEST_USER),
    /** See the workspace's people and teams. */
    VIEW_PEOPLE(OWNER, SUPER_ADMIN, ADMIN, USER),
    /** Connect a business hub to the workspace and manage the hubs one owns. */
    CONNECT_HUB(OWNER, SUPER_ADMIN, ADMIN, USER),
    /** Share access to the hubs one manages with people and teams. */
    SHARE_ACCESS(OWNER, SUPER_ADMIN, ADMIN, USER),
    /** Invite, suspend, reinstate and deactivate people, and change their roles (see {@link WorkspaceRole#mayAssign}). */
    MANAGE_PEOPLE(OWNER, SUPER_ADMIN, ADMIN),
    /** Create teams and change their members. */
    MANAGE_TEAMS(OWNER, SUPER_ADMIN, ADMIN),
    /** Read and export the audit trail. */
    VIEW_AUDIT(OWNER, SUPER_ADMIN, ADMIN),
    /** Manage API keys, SCIM provisioning and webhooks. */
    MANAGE_INTEGRATIONS(OWNER, SUPER_ADMIN),
    /** Change the workspace's settings and read the installation's metrics. */
    MANAGE_WORKSPACE(OWNER, SUPER_ADMIN);

    @SuppressWarnings("ImmutableEnumChecker") // never changed nor handed out after construction
    private final Set<WorkspaceRole> roles;

    Permission(WorkspaceRole first, WorkspaceRole... others) {
        this.roles = EnumSet.of(first, others);
    }

    boolean isGrantedTo(WorkspaceRole role) {
        return roles.contains(role);
    }
}
