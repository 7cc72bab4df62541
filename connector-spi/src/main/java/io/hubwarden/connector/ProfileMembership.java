package io.hubwarden.connector;

/**
 * Whether a linked profile holds a seat in the business: {@link Active} (with the person's id in the business and
 * role), {@link Pending} (invited, not yet accepted) or {@link Absent}. {@link #status()} names the case for code
 * that cannot match on types.
 */
public sealed interface ProfileMembership
        permits ProfileMembership.Active, ProfileMembership.Pending, ProfileMembership.Absent {

    /** The three cases, by name. */
    enum Status {
        ACTIVE,
        PENDING,
        ABSENT
    }

    /** Which case this is. */
    Status status();

    /**
     * The profile's owner is a member of the business.
     *
     * @param user their id in the business, as {@link HubConnector#members} lists it
     * @param role their role in the business
     */
    record Active(HubUserId user, HubRole role) implements ProfileMembership {
        @Override
        public Status status() {
            return Status.ACTIVE;
        }
    }

    /**
     * The profile's owner is not a member, and an invitation for them is pending: they must accept it first.
     *
     * @param invitation the pending invitation
     */
    record Pending(InvitationId invitation) implements ProfileMembership {
        @Override
        public Status status() {
            return Status.PENDING;
        }
    }

    /** The profile's owner is neither a member nor invited. */
    record Absent() implements ProfileMembership {
        @Override
        public Status status() {
            return Status.ABSENT;
        }
    }
}
