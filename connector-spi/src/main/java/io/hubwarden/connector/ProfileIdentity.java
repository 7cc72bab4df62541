package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * Who a personal profile token belongs to, as the hub says.
 *
 * @param userId the hub's id of the profile as the token's owner (Meta: app-scoped user id, which differs from the
 *     person's id inside a business; TikTok: core user id)
 * @param name the profile's display name; may be empty
 * @param email the profile's login address when the hub shares it, else {@code null}; it may differ from the
 *     address the person was invited with
 */
public record ProfileIdentity(
        String userId, String name, @Nullable EmailAddress email) {

    /**
     * @throws IllegalArgumentException if the user id is blank
     */
    public ProfileIdentity {
        if (userId.isBlank()) {
            throw new IllegalArgumentException("a profile needs the hub's user id");
        }
    }
}
