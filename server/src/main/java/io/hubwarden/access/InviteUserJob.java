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
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    InviteUserJob(
            Memberships memberships,
            Hubs hubs,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.events = events;
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
        if (receipt.outcome() != InvitationOutcome.ALREADY_MEMBER) {
            invited(id, target, receipt.invitationId().value());
            return;
        }
        transaction.executeWithoutResult(status -> reload(id, generation).ifPresent(current -> {
            current.hubShowsMember(receipt.memberId().value(), clock.instant());
            memberships.save(current);
        }));
    }

    /**
     * What {@link Membership#inviteSent} does, as one conditional {@code UPDATE} of the membership while it is still
     * inviting in the job's generation, rather than a read of the aggregate and a save of it with its assets. Publishes
     * the {@link MembershipStatusChanged} that the aggregate would register, which the audit trail records in the same
     * transaction. Nothing happens when the membership has moved on meanwhile, as with {@link #reload}.
     */
    private void invited(MembershipId id, Target target, String invitationId) {
        var from = MembershipStatus.INVITING;
        var to =
                from.after(MembershipEvent.INVITE_SENT, MembershipStatus.JOINED).orElseThrow();
        transaction.executeWithoutResult(status -> {
            var now = clock.instant();
            int updated = jdbc.sql("""
                            update membership set status = :to, hub_invitation_id = :invitation,
                                note_code = null, note_message = null,
                                status_changed_at = :now, updated_at = :now, version = version + 1
                            where id = :id and status = :from and invite_generation = :generation
                            """)
                    .param("to", to.name())
                    .param("invitation", invitationId)
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("id", id.value())
                    .param("from", from.name())
                    .param("generation", target.inviteGeneration())
                    .update();
            if (updated == 1) {
                events.publishEvent(new MembershipStatusChanged(
                        id, target.workspaceId(), target.hubId(), target.personId(), from, to, null, now));
            }
        });
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
        return jdbc.sql("select workspace_id, hub_id, person_id, email, hub_role, status, invite_generation"
                        + " from membership where id = :id")
                .param("id", id.value())
                .query((row, number) -> new Target(
                        new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                        new HubId(row.getObject("hub_id", UUID.class)),
                        new PersonId(row.getObject("person_id", UUID.class)),
                        row.getString("email"),
                        row.getString("hub_role"),
                        MembershipStatus.valueOf(row.getString("status")),
                        row.getInt("invite_generation")))
                .optional();
    }

    /** The membership as the invitation needs it. */
    private record Target(
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            String email,
            String hubRole,
            MembershipStatus status,
            int inviteGeneration) {

        static Target of(Membership membership) {
            return new Target(
                    membership.workspaceId(),
                    membership.hubId(),
                    membership.personId(),
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
