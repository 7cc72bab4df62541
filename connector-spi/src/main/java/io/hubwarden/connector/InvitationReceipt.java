package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * The result of {@link HubConnector#invite}: what happened, and the hub's id of the invitation or of the member.
 *
 * @param outcome what the call found and did
 * @param invitation the pending invitation for {@link InvitationOutcome#INVITED} and {@link
 *     InvitationOutcome#ALREADY_PENDING}, else {@code null}
 * @param member the existing member for {@link InvitationOutcome#ALREADY_MEMBER}, else {@code null}
 */
public record InvitationReceipt(
        InvitationOutcome outcome,
        @Nullable InvitationId invitation,
        @Nullable HubUserId member) {

    /**
     * @throws IllegalArgumentException if the ids do not match the outcome
     */
    public InvitationReceipt {
        boolean pending = outcome != InvitationOutcome.ALREADY_MEMBER;
        if (pending != (invitation != null) || pending == (member != null)) {
            throw new IllegalArgumentException(
                    outcome + " needs exactly the " + (pending ? "invitation" : "member") + " id");
        }
    }

    /** A new invitation was sent. */
    public static InvitationReceipt invited(InvitationId invitation) {
        return new InvitationReceipt(InvitationOutcome.INVITED, invitation, null);
    }

    /** An invitation for the address was already pending. */
    public static InvitationReceipt alreadyPending(InvitationId invitation) {
        return new InvitationReceipt(InvitationOutcome.ALREADY_PENDING, invitation, null);
    }

    /** The address already belongs to a member. */
    public static InvitationReceipt alreadyMember(HubUserId member) {
        return new InvitationReceipt(InvitationOutcome.ALREADY_MEMBER, null, member);
    }

    /**
     * The invitation id.
     *
     * @throws IllegalStateException when the outcome is {@link InvitationOutcome#ALREADY_MEMBER}
     */
    public InvitationId invitationId() {
        if (invitation == null) {
            throw new IllegalStateException("no invitation: the address is already a member");
        }
        return invitation;
    }

    /**
     * The member id.
     *
     * @throws IllegalStateException unless the outcome is {@link InvitationOutcome#ALREADY_MEMBER}
     */
    public HubUserId memberId() {
        if (member == null) {
            throw new IllegalStateException("no member: an invitation is pending");
        }
        return member;
    }
}
