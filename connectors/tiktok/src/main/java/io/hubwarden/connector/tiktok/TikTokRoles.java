package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubRole;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The member roles of a Business Center, with the names TikTok's screens show. */
final class TikTokRoles {

    static final HubRole ADMIN = new HubRole("ADMIN", "Admin");
    static final HubRole STANDARD = new HubRole("STANDARD", "Standard");
    static final List<HubRole> ALL = List.of(ADMIN, STANDARD);

    private TikTokRoles() {}

    /** The role for a code TikTok returned; anything unexpected is read as the lesser one, never granting more. */
    static HubRole of(@Nullable String code) {
        return ADMIN.code().equals(code) ? ADMIN : STANDARD;
    }

    /**
     * The wire code of a role the caller chose.
     *
     * @throws IllegalArgumentException if it is not one of {@link #ALL}
     */
    static String code(HubRole role) {
        if (!ALL.contains(role)) {
            throw new IllegalArgumentException("not a TikTok Business Center role: " + role.code());
        }
        return role.code();
    }
}
