package io.hubwarden.access;

import io.hubwarden.automation.JobAborted;
import io.hubwarden.automation.JobContext;
import io.hubwarden.automation.JobHandler;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.Invitee;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.Hubs;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites a person into a hub by e-mail through the hub's connector. Safe to repeat: the job does nothing unless the
 * membership is still INVITING in the job's invitation generation, and the hub's invitation call is idempotent per
 * address (an address already pending or already a member is not invited again).
 */
@Component
class InviteUserJob implements JobHandler {

    static final String TYPE = MembershipJobs.INVITE;

    private final Memberships memberships;
    private final Hubs hubs;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    InviteUserJob(
            Memberships memberships, Hubs hubs, Clock clock, PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) {
        var id = MembershipId.parse(job.subject().orElseThrow(() -> aborted("the job names no membership")));
        int generation = Integer.parseInt(job.payload().orElse("0"));
        var found = target(id).orElseThrow(() -> aborted("the membership no longer exists"));
        var target = found.status() == MembershipStatus.INVITE_FAILED && found.inviteGeneration() == generation
                ? retried(id, generation).map(Target::of).orElse(found)
                : found;
        if (target.status() != MembershipStatus.INVITING || target.inviteGeneration() != generation) {
            return;
        }
        InvitationReceipt receipt;
        try {
            receipt = hubs.call(target.hubId(), (connector, credential) -> {
                var role = connector.roles().stream()
                        .filter(candidate -> candidate.code().equals(target.hubRole()))
                        .findFirst()
                        .orElseThrow(
                                () -> new JobAborted("HUB_ROLE_UNKNOWN", "The hub has no role " + target.hubRole()));
                return connector.invite(credential, Invitee.byEmail(target.email()), role);
            });
        } catch (HubRateLimited | HubUnavailable busy) {
            note(id, generation, busy);
            throw busy;
        }
        transaction.executeWithoutResult(status -> reload(id, generation).ifPresent(current -> {
            var now = clock.instant();
            if (receipt.outcome() == InvitationOutcome.ALREADY_MEMBER) {
                current.hubShowsMember(receipt.memberId().value(), now);
            } else {
                current.inviteSent(receipt.invitationId().value(), now);
            }
            memberships.save(current);
        }));
    }

    /** The card says the hub is busy while the job waits for its next attempt. */
    private void note(MembershipId id, int generation, HubFailure failure) {
        transaction.executeWithoutResult(status -> reload(id, generation).ifPresent(current -> {
            current.hubBusy(
                    new MembershipNote(
                            MembershipNote.HUB_BUSY,
                            "The hub is busy (" + failure.getClass().getSimpleName()
                                    + "); the invitation is retried automatically."),
                    clock.instant());
            memberships.save(current);
        }));
    }

    /** Someone retried this failed job from the Jobs page: the failed invitation is inviting again. */
    private Optional<Membership> retried(MembershipId id, int generation) {
        var retried = transaction.execute(status -> memberships
                .findById(id)
                .filter(current ->
                        current.status() == MembershipStatus.INVITE_FAILED && current.inviteGeneration() == generation)
                .map(current -> {
                    current.retried(clock.instant());
                    return memberships.save(current);
                }));
        return retried == null ? Optional.empty() : retried;
    }

    /**
     * What the invitation needs of the membership, read as one row: the job reads it before the hub call, outside any
     * transaction, and loads the aggregate only to record the hub's answer.
     */
    private Optional<Target> target(MembershipId id) {
        return jdbc.sql("select hub_id, email, hub_role, status, invite_generation from membership where id = :id")
                .param("id", id.value())
                .query((row, number) -> new Target(
                        new HubId(row.getObject("hub_id", UUID.class)),
                        row.getString("email"),
                        row.getString("hub_role"),
                        MembershipStatus.valueOf(row.getString("status")),
                        row.getInt("invite_generation")))
                .optional();
    }

    /** The membership as the invitation needs it. */
    private record Target(HubId hubId, String email, String hubRole, MembershipStatus status, int inviteGeneration) {

        static Target of(Membership membership) {
            return new Target(
                    membership.hubId(),
                    membership.email(),
                    membership.hubRole(),
                    membership.status(),
                    membership.inviteGeneration());
        }
    }

    private Optional<Membership> reload(MembershipId id, int generation) {
        return memberships.findById(id).filter(current -> stillInviting(current, generation));
    }

    private static boolean stillInviting(Membership membership, int generation) {
        return membership.status() == MembershipStatus.INVITING && membership.inviteGeneration() == generation;
    }

    private static JobAborted aborted(String why) {
        return new JobAborted("MEMBERSHIP_GONE", "Nothing to invite: " + why + ".");
    }
}
