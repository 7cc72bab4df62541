package io.hubwarden.simulator.meta;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to join a business (a BusinessRoleRequest), until it is accepted (then it becomes a
 * {@link BusinessUser} and disappears) or cancelled.
 *
 * @param id its Graph id
 * @param businessId the business that invites
 * @param email the invited address
 * @param role the role the person will hold
 * @param tasks the business tasks the person will hold
 * @param status where it stands at the time it was read
 * @param createdTime when it was sent
 * @param updatedTime when it last changed
 * @param expirationTime when it stops being acceptable
 * @param inviteLink the join page the invitation mail links to
 * @param createdById the business user or system user who sent it, or null when seeded
 */
public record RoleRequest(
        String id,
        String businessId,
        String email,
        String role,
        List<String> tasks,
        Status status,
        Instant createdTime,
        Instant updatedTime,
        Instant expirationTime,
        URI inviteLink,
        @Nullable String createdById) {

    /** Where an invitation stands. */
    public enum Status {
        /** Sent, neither answered nor past its expiration time. */
        PENDING,
        /** The person declined it. */
        DECLINED,
        /** Its expiration time passed before anyone accepted it. */
        EXPIRED
    }

    /** Copies the tasks. */
    public RoleRequest {
        tasks = List.copyOf(tasks);
    }
}
