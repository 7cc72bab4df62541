package io.hubwarden.web.hubs;

import io.hubwarden.access.AccessRole;
import io.hubwarden.hub.HubAccountId;
import io.hubwarden.workspace.PersonId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a hub's Users table: a person of the workspace with a membership, or a hub account no one holds.
 *
 * @param email the person's work address, or the address the hub shows for the account ({@code null} when hidden)
 * @param role the person's role on the hub in Hubwarden; {@code null} for accounts no one holds
 * @param hubRole the role's code in the hub (Meta {@code ADMIN}, {@code EMPLOYEE})
 * @param note a membership's note or an exemption's reason, else {@code null}
 * @param personId the person of a membership, else {@code null}
 * @param accountId the hub account no one holds, else {@code null}
 */
record UserRow(
        String name,
        @Nullable String email,
        @Nullable AccessRole role,
        String hubRole,
        UserStatus status,
        int assets,
        Instant changedAt,
        @Nullable String note,
        @Nullable PersonId personId,
        @Nullable HubAccountId accountId) {

    /** Whether a manager may send this person's invitation again. */
    public boolean resendable() {
        return personId != null && status.resendable();
    }

    /** Whether a manager may end this person's access: it holds or is being given a seat, or shows the hub only. */
    public boolean revocable() {
        return personId != null && status.revocable();
    }

    /** Whether a manager may match, exempt or remove this account. */
    public boolean unmatched() {
        return accountId != null && status == UserStatus.UNMATCHED;
    }

    /** When the row last changed, in words. */
    public String changed() {
        return Times.text(changedAt);
    }

    /** What the table sorts by: the name, else the address, without regard to case. */
    String sortName() {
        var shown = name.isBlank() && email != null ? email : name;
        return shown.toLowerCase(java.util.Locale.ROOT);
    }
}
