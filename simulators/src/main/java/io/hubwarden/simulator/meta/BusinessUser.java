package io.hubwarden.simulator.meta;

import java.time.Instant;
import java.util.List;

/**
 * A person's seat in one business.
 *
 * @param id the business-scoped user id; it differs from the person's app-scoped id and from their seats in other
 *     businesses
 * @param businessId the business
 * @param personId the {@link FacebookPerson#id()} holding the seat
 * @param email the e-mail address the business knows them by (the invitation's address, which may differ from the
 *     login address)
 * @param name the person's name
 * @param role {@code ADMIN} (Full control) or {@code EMPLOYEE} (Partial access)
 * @param tasks the business tasks: the role plus extra capabilities such as {@code FINANCE_EDITOR}
 * @param createdTime when the seat was created
 */
public record BusinessUser(
        String id,
        String businessId,
        String personId,
        String email,
        String name,
        String role,
        List<String> tasks,
        Instant createdTime) {

    /** Copies the tasks. */
    public BusinessUser {
        tasks = List.copyOf(tasks);
    }
}
