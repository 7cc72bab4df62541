package io.hubwarden.connector.meta;

import io.hubwarden.connector.HubRole;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The base roles of a Meta business, with the names Business Settings shows. */
final class MetaRoles {

    static final HubRole ADMIN = new HubRole("ADMIN", "Full control");
    static final HubRole EMPLOYEE = new HubRole("EMPLOYEE", "Partial access");
    static final List<HubRole> ALL = List.of(ADMIN, EMPLOYEE);

    private static final Set<String> CODES = Set.of(ADMIN.code(), EMPLOYEE.code());

    private MetaRoles() {}

    /**
     * The role for a code Graph returned. Graph reports only the two base roles here; anything else (or nothing) is
     * read as the lesser one, so that an unexpected value never grants more in Hubwarden than in the business.
     */
    static HubRole of(@Nullable String code) {
        return code != null && ADMIN.code().equalsIgnoreCase(code) ? ADMIN : EMPLOYEE;
    }

    /** Whether a task Graph listed merely repeats a base role. */
    static boolean isBaseRole(String task) {
        return CODES.contains(task.toUpperCase(Locale.ROOT));
    }

    /**
     * The wire code of a role the caller chose.
     *
     * @throws IllegalArgumentException if it is not one of {@link #ALL}
     */
    static String code(HubRole role) {
        if (!ALL.contains(role)) {
            throw new IllegalArgumentException("not a Meta business role: " + role.code());
        }
        return role.code();
    }
}
