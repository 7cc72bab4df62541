package io.hubwarden.workspace;

import java.time.Instant;

/** An invitation link that can still be used, as the set-password page shows it. */
public record PendingInvitation(
        String workspaceName, String workspaceSlug, String email, String name, Instant expiresAt) {}
