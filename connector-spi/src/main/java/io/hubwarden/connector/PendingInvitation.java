package io.hubwarden.connector;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An invitation the hub sent that has not become a seat yet.
 *
 * @param id the hub's id of the invitation (on TikTok, the e-mail address)
 * @param email the invited address
 * @param role the role the person will hold on acceptance
 * @param status whether it can still be accepted
 * @param expiresAt when the hub lets it lapse, or {@code null} when the hub does not say
 */
public record PendingInvitation(
        InvitationId id,
        EmailAddress email,
        HubRole role,
        InvitationStatus status,
        @Nullable Instant expiresAt) {}
