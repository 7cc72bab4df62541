package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * What one invitation of {@link HubConnector#inviteAll} came to: its receipt, as {@link HubConnector#invite} would
 * have answered, or the hub's refusal of that invitation alone.
 *
 * @param receipt the receipt, or {@code null} when the invitation was refused
 * @param refusal a {@link HubRejected} or {@link HubNotFound} that concerns this invitation only, or {@code null}
 */
public record InvitationResult(
        @Nullable InvitationReceipt receipt, @Nullable HubFailure refusal) {

    /**
     * @throws IllegalArgumentException unless exactly one of the two is given, or if the refusal is a failure of the
     *     hub as a whole (rate limit, expired credential, unavailable), which {@code inviteAll} throws instead
     */
    public InvitationResult {
        if ((receipt == null) == (refusal == null)) {
            throw new IllegalArgumentException("an invitation result is either a receipt or a refusal");
        }
        if (refusal != null && !(refusal instanceof HubRejected || refusal instanceof HubNotFound)) {
            throw new IllegalArgumentException(
                    "only a rejection or a missing object concerns one invitation alone, not "
                            + refusal.getClass().getSimpleName());
        }
    }

    /**
     * The receipt; for a refused invitation, throws its refusal, as {@link HubConnector#invite} would have.
     *
     * @throws HubFailure the refusal
     */
    public InvitationReceipt received() {
        if (refusal != null) {
            throw refusal;
        }
        if (receipt == null) {
            throw new IllegalStateException("neither a receipt nor a refusal");
        }
        return receipt;
    }

    public static InvitationResult of(InvitationReceipt receipt) {
        return new InvitationResult(receipt, null);
    }

    public static InvitationResult refused(HubFailure refusal) {
        return new InvitationResult(null, refusal);
    }
}
