package io.hubwarden.access;

import io.hubwarden.automation.JobAborted;
import io.hubwarden.automation.JobContext;
import io.hubwarden.automation.JobHandler;
import io.hubwarden.automation.JobId;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.Invitee;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites people into a hub by e-mail through the hub's connector, up to {@link #BATCH} of one hub's invitations in
 * one run: the hub is asked for all of them at once ({@code inviteAll}), and their memberships are moved together.
 * Safe to repeat: a job does nothing unless its membership is still INVITING in the job's invitation generation, and
 * the hub's invitation is idempotent per address (an address already pending or already a member is not invited
 * again).
 */
@Component
class InviteUserJob implements JobHandler {

    static final String TYPE = MembershipJobs.INVITE;

    /** Graph's fifty requests of one batch request, the most a connector here sends in one call. */
    static final int BATCH = 50;

    private static final String INVITED = """
            update membership set status = ?, hub_invitation_id = ?, note_code = null, note_message = null,
                status_changed_at = ?, updated_at = ?, version = version + 1
            where id = ? and status = ? and invite_generation = ?
            """;

    private final Memberships memberships;
    private final Hubs hubs;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ApplicationEventPublisher events;
    private final CardsVersions versions;

    @SuppressWarnings("TooManyParameters") // the collaborators of an invitation
    InviteUserJob(
            Memberships memberships,
            Hubs hubs,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            JdbcTemplate batches,
            ApplicationEventPublisher events,
            CardsVersions versions) {
        this.memberships = memberships;
        this.versions = versions;
        this.jdbc = jdbc;
        this.batches = batches;
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
    public int batchSize() {
        return BATCH;
    }

    @Override
    public void run(JobContext job) {
        var failure = runBatch(List.of(job)).get(job.id());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Reads the jobs' memberships as rows, outside any transaction; asks the hub once for those still inviting; then
     * records each answer. A failure of the hub as a whole (it throttled the calls, or is unavailable) is thrown for
     * every job, after the cards say the hub is busy.
     */
    @Override
    public Map<JobId, RuntimeException> runBatch(List<JobContext> jobs) {
        Map<JobId, RuntimeException> failed = new HashMap<>();
        Map<HubId, List<Asked>> byHub = new LinkedHashMap<>();
        var found = targets(jobs, failed);
        for (var job : jobs) {
            var target = found.get(job.id());
            if (target == null) {
                continue;
            }
            if (target.status() == MembershipStatus.INVITE_FAILED && target.inviteGeneration() == target.generation()) {
                target = retried(target).orElse(target);
            }
            if (target.status() == MembershipStatus.INVITING && target.inviteGeneration() == target.generation()) {
                byHub.computeIfAbsent(target.hubId(), hub -> new ArrayList<>()).add(new Asked(job.id(), target));
            }
        }
        byHub.forEach((hub, asked) -> invite(hub, asked, failed));
        return failed;
    }

    private void invite(HubId hub, List<Asked> asked, Map<JobId, RuntimeException> failed) {
        var sent = new ArrayList<Asked>();
        List<InvitationResult> results;
        try {
            results = hubs.call(hub, (connector, credential) -> {
                var requests = new ArrayList<InvitationRequest>();
                for (var one : asked) {
                    var role = role(connector.roles(), one.target().hubRole());
                    if (role == null) {
                        failed.put(
                                one.job(),
                                new JobAborted(
                                        "HUB_ROLE_UNKNOWN",
                                        "The hub has no role " + one.target().hubRole()));
                    } else {
                        sent.add(one);
                        requests.add(new InvitationRequest(
                                Invitee.byEmail(one.target().email()), role));
                    }
                }
                return requests.isEmpty() ? List.of() : connector.inviteAll(credential, requests);
            });
        } catch (HubRateLimited | HubUnavailable busy) {
            sent.forEach(one -> note(one.target(), busy));
            throw busy;
        }
        var invited = new ArrayList<Invited>();
        for (int i = 0; i < sent.size(); i++) {
            var one = sent.get(i);
            InvitationReceipt receipt;
            try {
                receipt = results.get(i).received();
            } catch (HubFailure refused) {
                failed.put(one.job(), refused);
                continue;
            }
            if (receipt.outcome() == InvitationOutcome.ALREADY_MEMBER) {
                alreadyMember(one.target(), receipt);
            } else {
                invited.add(new Invited(one.target(), receipt.invitationId().value()));
            }
        }
        invited(invited);
    }

    private static @Nullable HubRole role(List<HubRole> roles, String code) {
        return roles.stream()
                .filter(candidate -> candidate.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    /**
     * What {@link Membership#inviteSent} does, as one conditional {@code UPDATE} per membership while it is still
     * inviting in the job's generation, sent together as a JDBC batch in one transaction, rather than a read of each
     * aggregate and a save of it with its assets. Publishes the {@link MembershipStatusChanged} that the aggregate
     * would register, which the audit trail records in the same transaction. Nothing happens to a membership that has
     * moved on meanwhile, as with {@link #reload}.
     */
    private void invited(List<Invited> invited) {
        if (invited.isEmpty()) {
            return;
        }
        var from = MembershipStatus.INVITING;
        var to =
                from.after(MembershipEvent.INVITE_SENT, MembershipStatus.JOINED).orElseThrow();
        transaction.executeWithoutResult(status -> {
            var now = clock.instant();
            var at = now.atOffset(ZoneOffset.UTC);
            int[][] updated = batches.batchUpdate(INVITED, invited, invited.size(), (statement, one) -> {
                statement.setString(1, to.name());
                statement.setString(2, one.invitationId());
                statement.setObject(3, at);
                statement.setObject(4, at);
                statement.setObject(5, one.target().id().value());
                statement.setString(6, from.name());
                statement.setInt(7, one.target().generation());
            });
            var changed = new HashSet<WorkspaceId>();
            for (int i = 0; i < invited.size(); i++) {
                if (updated[0][i] == 1) {
                    var target = invited.get(i).target();
                    changed.add(target.workspaceId());
                    events.publishEvent(new MembershipStatusChanged(
                            target.id(), target.workspaceId(), target.hubId(), target.personId(), from, to, null, now));
                }
            }
            changed.forEach(versions::changedOnCommit);
        });
    }

    private void alreadyMember(Target target, InvitationReceipt receipt) {
        transaction.executeWithoutResult(status -> reload(target).ifPresent(current -> {
            current.hubShowsMember(receipt.memberId().value(), clock.instant());
            memberships.save(current);
        }));
    }

    /** The card says the hub is busy while the job waits for its next attempt. */
    private void note(Target target, HubFailure failure) {
        transaction.executeWithoutResult(status -> reload(target).ifPresent(current -> {
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
    private Optional<Target> retried(Target target) {
        var retried = transaction.execute(status -> memberships
                .findById(target.id())
                .filter(current -> current.status() == MembershipStatus.INVITE_FAILED
                        && current.inviteGeneration() == target.generation())
                .map(current -> {
                    current.retried(clock.instant());
                    return memberships.save(current);
                }));
        return retried == null
                ? Optional.empty()
                : retried.map(membership -> Target.of(membership, target.generation()));
    }

    /**
     * What the invitations need of the jobs' memberships, read as rows in one query: the job reads them before the
     * hub call, outside any transaction, and loads an aggregate only where the hub's answer needs it. A job whose
     * membership is gone, or that names none, fails at once.
     */
    private Map<JobId, Target> targets(List<JobContext> jobs, Map<JobId, RuntimeException> failed) {
        Map<MembershipId, List<JobContext>> byMembership = new LinkedHashMap<>();
        for (var job : jobs) {
            var subject = job.subject();
            if (subject.isEmpty()) {
                failed.put(job.id(), aborted("the job names no membership"));
                continue;
            }
            byMembership
                    .computeIfAbsent(MembershipId.parse(subject.get()), id -> new ArrayList<>())
                    .add(job);
        }
        Map<JobId, Target> targets = new HashMap<>();
        if (!byMembership.isEmpty()) {
            jdbc.sql("select id, workspace_id, hub_id, person_id, email, hub_role, status, invite_generation"
                            + " from membership where id in (:ids)")
                    .param(
                            "ids",
                            byMembership.keySet().stream()
                                    .map(MembershipId::value)
                                    .toList())
                    .query(row -> {
                        var id = new MembershipId(row.getObject("id", UUID.class));
                        for (var job : byMembership.getOrDefault(id, List.of())) {
                            targets.put(
                                    job.id(),
                                    new Target(
                                            id,
                                            new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                                            new HubId(row.getObject("hub_id", UUID.class)),
                                            new PersonId(row.getObject("person_id", UUID.class)),
                                            row.getString("email"),
                                            row.getString("hub_role"),
                                            MembershipStatus.valueOf(row.getString("status")),
                                            row.getInt("invite_generation"),
                                            Integer.parseInt(job.payload().orElse("0"))));
                        }
                    });
        }
        for (var job : jobs) {
            if (!targets.containsKey(job.id()) && !failed.containsKey(job.id())) {
                failed.put(job.id(), aborted("the membership no longer exists"));
            }
        }
        return targets;
    }

    /**
     * The membership as an invitation needs it, and the invitation generation its job was queued for.
     */
    private record Target(
            MembershipId id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            String email,
            String hubRole,
            MembershipStatus status,
            int inviteGeneration,
            int generation) {

        static Target of(Membership membership, int generation) {
            return new Target(
                    membership.id(),
                    membership.workspaceId(),
                    membership.hubId(),
                    membership.personId(),
                    membership.email(),
                    membership.hubRole(),
                    membership.status(),
                    membership.inviteGeneration(),
                    generation);
        }
    }

    /** A job whose membership is still inviting, to be asked of the hub. */
    private record Asked(JobId job, Target target) {}

    /** A membership the hub has sent an invitation for, under this id. */
    private record Invited(Target target, String invitationId) {}

    private Optional<Membership> reload(Target target) {
        return memberships
                .findById(target.id())
                .filter(current -> current.status() == MembershipStatus.INVITING
                        && current.inviteGeneration() == target.generation());
    }

    private static JobAborted aborted(String why) {
        return new JobAborted("MEMBERSHIP_GONE", "Nothing to invite: " + why + ".");
    }
}
