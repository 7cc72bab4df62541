package io.hubwarden.connector;

/** What an invitation call found and did. */
public enum InvitationOutcome {
    /** A new invitation was sent. */
    INVITED,
    /** An invitation for this address was already pending; nothing was sent. */
    ALREADY_PENDING,
    /** The address already belongs to a member of the business; nothing was sent. */
    ALREADY_MEMBER
}
