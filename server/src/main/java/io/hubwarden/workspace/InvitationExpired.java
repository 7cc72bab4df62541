package io.hubwarden.workspace;

import java.time.Instant;

/** The invitation's time ran out; a people manager can send a new one. */
public final class InvitationExpired extends InvitationUnusable {

    private static final long serialVersionUID = 1L;

    private final Instant expiredAt;

    InvitationExpired(Instant expiredAt) {
        super("The invitation expired at " + expiredAt);
        this.expiredAt = expiredAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
