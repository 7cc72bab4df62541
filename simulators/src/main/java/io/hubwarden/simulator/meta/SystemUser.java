package io.hubwarden.simulator.meta;

import java.time.Instant;

/**
 * A business's system user, whose tokens act for the business rather than for a person.
 *
 * @param id its Graph id
 * @param businessId the business it belongs to
 * @param name its name
 * @param role {@code ADMIN} or {@code EMPLOYEE}
 * @param createdTime when it was created
 */
public record SystemUser(String id, String businessId, String name, String role, Instant createdTime) {}
