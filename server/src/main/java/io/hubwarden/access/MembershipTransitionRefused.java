package io.hubwarden.access;

/** A membership was asked for a change its status does not permit; see {@link MembershipStatus}. */
public final class MembershipTransitionRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final MembershipStatus status;
    private final MembershipEvent event;

    MembershipTransitionRefused(MembershipStatus status, MembershipEvent event) {
        super("A membership that is " + status + " cannot take " + event);
        this.status = status;
        this.event = event;
    }

    public MembershipStatus status() {
        return status;
    }

    public MembershipEvent event() {
        return event;
    }
}
