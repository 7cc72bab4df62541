package io.hubwarden.access;

/** What can happen to a {@link Membership}; {@link MembershipStatus} says where each event leads from each status. */
public enum MembershipEvent {
    /** The effective grant now takes a seat in the hub and the person holds none: invite them. */
    SEAT_SHARED,
    /** The person was shared the hub again after losing access, without a seat this time. */
    SHARED_WITHOUT_SEAT,
    /** The hub accepted the invitation, or already had one pending for the person's address. */
    INVITE_SENT,
    /** The invitation job failed for good. */
    INVITE_FAILED,
    /** The hub shows the person as an active member (invitation accepted, or a member already). */
    HUB_SHOWS_MEMBER,
    /** The hub's invitation lapsed before the person accepted it. */
    INVITATION_EXPIRED,
    /** Someone asked for the invitation to be sent again. */
    RESENT,
    /** The person connected their own hub profile and the hub confirmed, by its user id, that they are a member. */
    PROFILE_VERIFIED,
    /** The effective grant of a member changed: their role or asset tasks in the hub must follow. */
    GRANT_CHANGED,
    /** The hub took the changed grant. */
    UPDATE_SUCCEEDED,
    /** The hub refused the changed grant, or the update job failed for good. */
    UPDATE_FAILED,
    /** The person's last grant on the hub went away: take them out of it. */
    LAST_GRANT_REMOVED,
    /** The hub no longer has the person. */
    REMOVAL_SUCCEEDED,
    /** Taking the person out of the hub failed for good. */
    REMOVAL_FAILED
}
