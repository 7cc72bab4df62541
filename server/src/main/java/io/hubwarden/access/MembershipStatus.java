package io.hubwarden.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a person stands in a hub: the state machine of a {@link Membership}, as one table.
 *
 * <pre>
 *          share (seat)         invite sent           hub shows member       profile verified
 * (none) ─────────────> INVITING ──────────> INVITED ─────────────> JOINED ──────────────> CONNECTED
 *                          │ invite failed     │ invitation expired
 *                          v                   v
 *                    INVITE_FAILED       INVITE_EXPIRED ──(resend)──> INVITING
 * grant changed (JOINED/CONNECTED) ──> UPDATING ──ok──> back ; failed ──> UPDATE_FAILED
 * last grant removed (any state) ──> REMOVING ──ok──> REMOVED ; failed ──> REMOVAL_FAILED
 * share without a seat ──> NO_SEAT (the card shows the hub, the hub knows nothing)
 * </pre>
 *
 * The accounts a sync finds without a person (unmatched, exempted) are the {@code hub} module's, not memberships.
 */
public enum MembershipStatus {
    /** Shared for Hubwarden only: the card shows the hub, no seat is taken in it. */
    NO_SEAT,
    /** The invitation job is queued or running. */
    INVITING,
    /** The hub e-mailed the invitation; the person has not accepted it yet. */
    INVITED,
    /** The hub shows the person as a member; their own profile is not connected yet. */
    JOINED,
    /** The person's own hub profile is connected and verified as a member of the business. */
    CONNECTED,
    INVITE_FAILED,
    INVITE_EXPIRED,
    /** The hub is being told of a changed role or asset tasks; afterwards the membership returns where it was. */
    UPDATING,
    UPDATE_FAILED,
    REMOVING,
    REMOVED,
    REMOVAL_FAILED;

    /** The table: for each status, where each permitted event leads. {@link #UPDATING} returns to where it was. */
    private static final Map<MembershipStatus, Map<MembershipEvent, MembershipStatus>> TABLE =
            new EnumMap<>(MembershipStatus.class);

    static {
        row(NO_SEAT).on(MembershipEvent.SEAT_SHARED, INVITING).on(MembershipEvent.LAST_GRANT_REMOVED, REMOVED);
        row(INVITING)
                .on(MembershipEvent.SEAT_SHARED, INVITING)
                .on(MembershipEvent.INVITE_SENT, INVITED)
                .on(MembershipEvent.INVITE_FAILED, INVITE_FAILED)
                .on(MembershipEvent.HUB_SHOWS_MEMBER, JOINED)
                .on(MembershipEvent.PROFILE_VERIFIED, CONNECTED)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(INVITED)
                .on(MembershipEvent.SEAT_SHARED, INVITED)
                .on(MembershipEvent.HUB_SHOWS_MEMBER, JOINED)
                .on(MembershipEvent.INVITATION_EXPIRED, INVITE_EXPIRED)
                .on(MembershipEvent.PROFILE_VERIFIED, CONNECTED)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(JOINED)
                .on(MembershipEvent.PROFILE_VERIFIED, CONNECTED)
                .on(MembershipEvent.GRANT_CHANGED, UPDATING)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(CONNECTED)
                .on(MembershipEvent.PROFILE_VERIFIED, CONNECTED)
                .on(MembershipEvent.GRANT_CHANGED, UPDATING)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(INVITE_FAILED)
                .on(MembershipEvent.SEAT_SHARED, INVITING)
                .on(MembershipEvent.RESENT, INVITING)
                .on(MembershipEvent.HUB_SHOWS_MEMBER, JOINED)
                .on(MembershipEvent.PROFILE_VERIFIED, CONNECTED)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(INVITE_EXPIRED)
                .on(MembershipEvent.SEAT_SHARED, INVITING)
                .on(MembershipEvent.RESENT, INVITING)
                .on(MembershipEvent.HUB_SHOWS_MEMBER, JOINED)
                .on(MembershipEvent.PROFILE_VERIFIED, CONNECTED)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(UPDATING)
                .on(MembershipEvent.GRANT_CHANGED, UPDATING)
                .on(MembershipEvent.UPDATE_SUCCEEDED, UPDATING)
                .on(MembershipEvent.UPDATE_FAILED, UPDATE_FAILED)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(UPDATE_FAILED)
                .on(MembershipEvent.GRANT_CHANGED, UPDATING)
                .on(MembershipEvent.PROFILE_VERIFIED, UPDATE_FAILED)
                .on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
        row(REMOVING).on(MembershipEvent.REMOVAL_SUCCEEDED, REMOVED).on(MembershipEvent.REMOVAL_FAILED, REMOVAL_FAILED);
        row(REMOVED).on(MembershipEvent.SEAT_SHARED, INVITING).on(MembershipEvent.SHARED_WITHOUT_SEAT, NO_SEAT);
        row(REMOVAL_FAILED).on(MembershipEvent.SEAT_SHARED, INVITING).on(MembershipEvent.LAST_GRANT_REMOVED, REMOVING);
    }

    /** Where a new membership starts: inviting when its grant takes a seat, else without one. */
    static MembershipStatus initial(boolean takesSeat) {
        return takesSeat ? INVITING : NO_SEAT;
    }

    /** Whether the event may happen in this status. */
    public boolean permits(MembershipEvent event) {
        return targets().containsKey(event);
    }

    /**
     * Where the event leads from this status; for {@link #UPDATING} and {@link MembershipEvent#UPDATE_SUCCEEDED},
     * back to {@code settled}, the status the membership held before the update.
     */
    Optional<MembershipStatus> after(MembershipEvent event, MembershipStatus settled) {
        if (this == UPDATING && event == MembershipEvent.UPDATE_SUCCEEDED) {
            return Optional.of(settled);
        }
        return Optional.ofNullable(targets().get(event));
    }

    /** Whether the person holds, or is being given, a seat in the hub. */
    public boolean holdsSeat() {
        return this != NO_SEAT && this != REMOVED;
    }

    /** Whether the hub has shown the person as a member (directly or through a verified profile). */
    public boolean isMember() {
        return this == JOINED || this == CONNECTED || this == UPDATING || this == UPDATE_FAILED;
    }

    private Map<MembershipEvent, MembershipStatus> targets() {
        return TABLE.getOrDefault(this, Map.of());
    }

    private static Row row(MembershipStatus from) {
        var targets = new EnumMap<MembershipEvent, MembershipStatus>(MembershipEvent.class);
        TABLE.put(from, targets);
        return new Row(targets);
    }

    /** One row of the table while it is written. */
    private record Row(Map<MembershipEvent, MembershipStatus> targets) {
        Row on(MembershipEvent event, MembershipStatus to) {
            targets.put(event, to);
            return this;
        }
    }
}
