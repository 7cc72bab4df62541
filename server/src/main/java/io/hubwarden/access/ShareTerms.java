package io.hubwarden.access;

import io.hubwarden.workspace.PersonId;
import java.util.List;

/**
 * What one share grants, already checked against the hub: the roles, the hub role's rank among the hub's roles (0 is
 * the most powerful), the assets, and who shares.
 */
record ShareTerms(
        AccessRole role,
        String hubRole,
        int hubRoleRank,
        boolean takesSeat,
        List<AssetEntitlement> assets,
        PersonId sharedBy) {

    ShareTerms {
        assets = List.copyOf(assets);
        if (hubRoleRank < 0) {
            throw new IllegalArgumentException("a hub role rank is 0 or more");
        }
    }
}
