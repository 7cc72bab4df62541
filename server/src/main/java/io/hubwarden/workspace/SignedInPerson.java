package io.hubwarden.workspace;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of a signed-in session: who, in which workspace, with which role. Kept in the session (in the
 * database), so it is serializable; its {@link #getName() name} is the person id, which lets sessions be found by
 * person, and {@code displayName} is what pages show.
 */
public record SignedInPerson(
        PersonId personId, WorkspaceId workspaceId, WorkspaceRole role, String email, String displayName)
        implements AuthenticatedPrincipal, Serializable {

    private static final long serialVersionUID = 1L;

    public boolean can(Permission permission) {
        return role.can(permission);
    }

    /** The person id, as Spring Security and Spring Session index sessions by it. */
    @Override
    public String getName() {
        return personId.toString();
    }

    /** {@code ROLE_<role>} and one authority per granted {@link Permission}, named as the constant. */
    public List<GrantedAuthority> authorities() {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        for (var permission : Permission.values()) {
            if (role.can(permission)) {
                authorities.add(new SimpleGrantedAuthority(permission.name()));
            }
        }
        return authorities;
    }
}
