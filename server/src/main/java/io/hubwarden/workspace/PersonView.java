package io.hubwarden.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person as other modules and pages see it; never carries the password hash.
 *
 * @param email normalised (see {@link EmailAddress})
 * @param externalId the identity provider's id for people from SCIM or SSO
 * @param activatedAt when the person first set a password; null while invited
 */
public record PersonView(
        PersonId id,
        WorkspaceId workspaceId,
        String email,
        String name,
        WorkspaceRole role,
        PersonStatus status,
        PersonSource source,
        @Nullable String externalId,
        Instant createdAt,
        @Nullable Instant activatedAt) {}
