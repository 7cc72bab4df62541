package io.hubwarden.hub;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;

/** A hub was connected; the person who connected it is its owner and already sits in the business. */
public record HubConnected(WorkspaceId workspaceId, HubId hubId, PersonId ownerPersonId) {}
