package io.hubwarden.hub;

import io.hubwarden.workspace.PersonId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One person as the hub showed them at the last sync: a member, or an invitation not yet accepted.
 *
 * @param id Hubwarden's id of the account, stable across syncs
 * @param externalId the hub's id: the member's user id in the business, or the invitation id
 * @param email the address the hub shows, normalised; {@code null} when the hub hides it
 * @param name the name the hub shows; may be empty
 * @param role the hub role's code (Meta {@code ADMIN}, {@code EMPLOYEE})
 * @param tasks extra business-level tasks beside the role
 * @param expiresAt when an invitation lapses, if the hub says; {@code null} for members
 * @param personId the workspace person this account belongs to, matched by e-mail or by hand; {@code null} if none
 * @param matchedByHand whether a person picked {@code personId} (a sync keeps such matches)
 * @param exemptReason why an unmatched account is left alone, when someone exempted it; else {@code null}
 * @param updatedAt when Hubwarden last saw the account change (a sync, a match or an exemption)
 */
public record HubAccountView(
        HubAccountId id,
        HubId hubId,
        String externalId,
        @Nullable String email,
        String name,
        String role,
        Set<String> tasks,
        HubAccountState state,
        @Nullable Instant expiresAt,
        @Nullable PersonId personId,
        boolean matchedByHand,
        @Nullable String exemptReason,
        Instant updatedAt) {

    public HubAccountView {
        tasks = Set.copyOf(tasks);
    }

    /** Whether this is a member (rather than an invitation). */
    public boolean member() {
        return state == HubAccountState.ACTIVE;
    }

    /** No workspace person and no exemption: someone should match, exempt or remove it. */
    public boolean unmatched() {
        return personId == null && exemptReason == null;
    }

    /** No workspace person, and left alone on purpose. */
    public boolean exempted() {
        return personId == null && exemptReason != null;
    }
}
