package io.hubwarden.access;

import io.hubwarden.automation.JobAborted;
import io.hubwarden.automation.JobContext;
import io.hubwarden.automation.JobHandler;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.hub.Hubs;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a person whose access ended out of the hub: removes the member, or withdraws their pending invitation. Safe to
 * repeat: a hub that no longer knows the member or the invitation has already done what was asked.
 */
@Component
class RemoveMemberJob implements JobHandler {

    private final Memberships memberships;
    private final Hubs hubs;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RemoveMemberJob(Memberships memberships, Hubs hubs, Clock clock, PlatformTransactionManager transactions) {
        this.memberships = memberships;
        this.hubs = hubs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String type() {
        return MembershipJobs.REMOVE;
    }

    @Override
    public void run(JobContext job) {
        var id = MembershipId.parse(job.subject()
                .orElseThrow(
                        () -> new JobAborted("MEMBERSHIP_GONE", "Nothing to remove: the job names no membership.")));
        var membership = memberships.findById(id).orElse(null);
        if (membership == null || membership.status() != MembershipStatus.REMOVING) {
            return;
        }
        var member = membership.hubUserId();
        var invitation = membership.hubInvitationId();
        hubs.call(membership.hubId(), (connector, credential) -> {
            try {
                if (member.isPresent()) {
                    connector.remove(credential, new HubUserId(member.get()));
                } else if (invitation.isPresent()) {
                    connector.cancelInvitation(credential, new InvitationId(invitation.get()));
                }
            } catch (HubNotFound alreadyGone) {
                // Someone took the person out in the hub's own console, or an earlier attempt got through.
            }
            return Boolean.TRUE;
        });
        transaction.executeWithoutResult(status -> memberships
                .findById(id)
                .filter(current -> current.status() == MembershipStatus.REMOVING)
                .ifPresent(current -> {
                    current.removalSucceeded(clock.instant());
                    memberships.save(current);
                }));
    }
}
