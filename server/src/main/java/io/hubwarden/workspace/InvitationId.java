package io.hubwarden.workspace;

import java.util.UUID;

/** Identifies a workspace invitation; internal to the module. */
record InvitationId(UUID value) {}
