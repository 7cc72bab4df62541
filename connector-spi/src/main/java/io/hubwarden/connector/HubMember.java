package io.hubwarden.connector;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person who holds a seat in the business: they accepted an invitation or were added directly.
 *
 * @param id the hub's id of the person in this business
 * @param name the name the hub shows; may be empty
 * @param email the address the hub shows, or {@code null} when the hub hides it
 * @param role the person's role in the business
 * @param tasks extra business-level permissions the hub reports beside the role (Meta finance or developer tasks);
 *     empty when none
 */
public record HubMember(HubUserId id, String name, @Nullable EmailAddress email, HubRole role, Set<String> tasks) {

    public HubMember {
        tasks = Set.copyOf(tasks);
    }
}
