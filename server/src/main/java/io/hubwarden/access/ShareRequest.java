package io.hubwarden.access;

import java.util.List;

/**
 * A share of one hub with one or more people, as a person asked for it.
 *
 * @param emails the people's work e-mail addresses, as typed; each must be a person of the workspace unless
 *     {@code inviteNewPeople} is set
 * @param role the Hubwarden role on the hub
 * @param hubRole the hub role's code, one of the hub's roles (Meta {@code ADMIN}, {@code EMPLOYEE})
 * @param assets tasks on single assets of the hub; may be empty
 * @param takesSeat whether to invite the people into the hub (taking a seat) or only show the hub in Hubwarden
 * @param inviteNewPeople whether addresses that are not people of the workspace yet are invited to it (as Users)
 */
public record ShareRequest(
        List<String> emails,
        AccessRole role,
        String hubRole,
        List<AssetEntitlement> assets,
        boolean takesSeat,
        boolean inviteNewPeople) {

    public ShareRequest {
        emails = List.copyOf(emails);
        assets = List.copyOf(assets);
        if (emails.isEmpty()) {
            throw new IllegalArgumentException("a share names at least one person");
        }
    }
}
