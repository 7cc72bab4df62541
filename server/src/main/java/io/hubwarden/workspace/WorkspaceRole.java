package io.hubwarden.workspace;

import java.util.Arrays;
import java.util.List;

/**
 * What a person is in their workspace. The permission matrix is in {@link Permission} and docs/permissions.md; the
 * constants are ordered from most to least powerful.
 */
public enum WorkspaceRole {
    OWNER,
    SUPER_ADMIN,
    ADMIN,
    USER,
    GUEST_USER,
    LOGIN_ONLY;

    /** Whether this role grants the permission. */
    public boolean can(Permission permission) {
        return permission.isGrantedTo(this);
    }

    /**
     * Whether a person with this role may give {@code role} to someone (by invitation or a role change): people
     * managers assign roles below their own, and an Owner assigns any role, Owner included.
     */
    public boolean mayAssign(WorkspaceRole role) {
        return can(Permission.MANAGE_PEOPLE) && (this == OWNER || role.compareTo(this) > 0);
    }

    /** The roles this role may assign, most powerful first; empty for roles that cannot manage people. */
    public List<WorkspaceRole> assignableRoles() {
        return Arrays.stream(values()).filter(this::mayAssign).toList();
    }
}
