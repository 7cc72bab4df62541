package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * Linking a person's own hub profile (their Facebook or TikTok login) and checking, by the hub's own user id, that it
 * holds a seat in the business. The OAuth part asks only for what the check needs.
 */
public interface ProfileLinking extends OAuthClient {

    /**
     * Who the profile token belongs to.
     *
     * @throws HubAuthExpired if the token is no longer valid
     */
    ProfileIdentity identify(Secret profileToken);

    /**
     * Whether the profile's owner holds a seat in the business. {@link ProfileMembership.Active} is decided by the
     * hub's user id as seen through the profile token, never by e-mail; {@link ProfileMembership.Pending} by a
     * pending invitation for {@code invitedEmail}, read with the service credential. Read-only.
     *
     * @param service the business's service credential
     * @param profileToken the person's profile token
     * @param invitedEmail the address the person was invited with, or {@code null} to skip the pending check
     * @throws HubAuthExpired if either token is no longer valid
     */
    ProfileMembership membership(ServiceCredential service, Secret profileToken, @Nullable EmailAddress invitedEmail);
}
