package io.hubwarden.connector;

/**
 * One invitation of {@link HubConnector#inviteAll}: whom to invite, with which role.
 *
 * @param invitee the person, by the address the hub sends the invitation to
 * @param role one of {@link HubConnector#roles()}
 */
public record InvitationRequest(Invitee invitee, HubRole role) {}
