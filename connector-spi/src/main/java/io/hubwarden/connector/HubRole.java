package io.hubwarden.connector;

/**
 * A hub-native role of a person in a business, with the name the hub's own screens show (Meta {@code ADMIN} "Full
 * control", {@code EMPLOYEE} "Partial access"; TikTok {@code ADMIN}, {@code STANDARD}). A connector lists the roles
 * it can assign in {@link HubConnector#roles()} and returns those same instances when it reads a role.
 *
 * @param code the hub's code for the role, as sent on the wire
 * @param displayName the hub's name for it, for people
 */
public record HubRole(String code, String displayName) {

    /**
     * @throws IllegalArgumentException if either part is blank
     */
    public HubRole {
        if (code.isBlank() || displayName.isBlank()) {
            throw new IllegalArgumentException("a role needs a code and a display name");
        }
    }
}
