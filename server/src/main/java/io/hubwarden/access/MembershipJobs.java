package io.hubwarden.access;

import io.hubwarden.automation.JobRequest;
import io.hubwarden.automation.Jobs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Queues the work a membership's move asks of the hub: an invitation, an update of the member's role and asset tasks,
 * or taking the seat back. Each job's idempotency key names the move it serves, so a replayed request queues nothing
 * more, and each job re-reads the membership before it acts.
 */
@Component
class MembershipJobs {

    static final String INVITE = "INVITE_USER";
    static final String UPDATE = "UPDATE_MEMBER";
    static final String REMOVE = "REMOVE_MEMBER";

    private final Jobs jobs;

    MembershipJobs(Jobs jobs) {
        this.jobs = jobs;
    }

    /** One job per membership and invitation generation: a resend is a new job, a replayed enqueue is not. */
    void invite(Membership membership, String causedBy, String trigger) {
        jobs.enqueue(inviting(membership, causedBy, trigger));
    }

    /** Tells the hub of the membership's grant as it stands when the job runs. */
    void update(Membership membership, String causedBy, String trigger) {
        jobs.enqueue(updating(membership, causedBy, trigger));
    }

    /** Takes the person out of the hub: the member is removed, a pending invitation withdrawn. */
    void remove(Membership membership, String causedBy, String trigger) {
        jobs.enqueue(request(
                membership,
                REMOVE,
                causedBy,
                trigger,
                null,
                "remove:" + membership.id() + ":" + membership.statusChangedAt().toEpochMilli()));
    }

    /** Queues many memberships' jobs together, as a share with many people asks: see {@link Jobs#enqueueAll}. */
    void enqueueAll(List<JobRequest> requests) {
        if (!requests.isEmpty()) {
            jobs.enqueueAll(requests);
        }
    }

    /** The job {@link #invite} queues. */
    JobRequest inviting(Membership membership, String causedBy, String trigger) {
        return request(
                membership,
                INVITE,
                causedBy,
                trigger,
                String.valueOf(membership.inviteGeneration()),
                "invite:" + membership.id() + ":" + membership.inviteGeneration());
    }

    /** The job {@link #update} queues. */
    JobRequest updating(Membership membership, String causedBy, String trigger) {
        return request(
                membership,
                UPDATE,
                causedBy,
                trigger,
                null,
                "update:" + membership.id() + ":" + membership.updatedAt().toEpochMilli());
    }

    private static JobRequest request(
            Membership membership, String type, String causedBy, String trigger, @Nullable String payload, String key) {
        var request = JobRequest.of(membership.workspaceId(), type, causedBy)
                .withHub(membership.hubId().value())
                .withSubject(membership.id().toString())
                .withTrigger(trigger)
                .withIdempotencyKey(key);
        return payload == null ? request : request.withPayload(payload);
    }
}
