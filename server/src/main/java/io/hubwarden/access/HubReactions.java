package io.hubwarden.access;

import io.hubwarden.automation.JobFinished;
import io.hubwarden.automation.JobRequest;
import io.hubwarden.automation.JobStatus;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.hub.AssetView;
import io.hubwarden.hub.HubAccountMatched;
import io.hubwarden.hub.HubAccountState;
import io.hubwarden.hub.HubAccountView;
import io.hubwarden.hub.HubConnected;
import io.hubwarden.hub.HubSynced;
import io.hubwarden.hub.Hubs;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * How memberships follow the hub and the jobs: the connecting person owns the hub, a sync moves invitations to
 * JOINED or INVITE_EXPIRED and refreshes members' assets, a member gets the asset tasks of their shares once the hub
 * has them, and a membership job that failed for good fails its step with its reason.
 */
@Component
class HubReactions {

    private final Shares shares;
    private final Memberships memberships;
    private final Hubs hubs;
    private final Workspaces workspaces;
    private final Ids ids;
    private final Clock clock;
    private final MembershipJobs jobs;

    HubReactions(
            Shares shares,
            Memberships memberships,
            Hubs hubs,
            Workspaces workspaces,
            Ids ids,
            Clock clock,
            MembershipJobs jobs) {
        this.jobs = jobs;
        this.shares = shares;
        this.memberships = memberships;
        this.hubs = hubs;
        this.workspaces = workspaces;
        this.ids = ids;
        this.clock = clock;
    }

    /** The person who connected a hub is its Owner with the hub's most powerful role; they sit in it already. */
    @ApplicationModuleListener
    void on(HubConnected connected) {
        if (!shares.findByHubIdAndPersonId(connected.hubId(), connected.ownerPersonId())
                .isEmpty()) {
            return;
        }
        var owner = workspaces
                .person(connected.workspaceId(), connected.ownerPersonId())
                .orElseThrow();
        var roles = hubs.call(connected.hubId(), (connector, credential) -> connector.roles());
        var now = clock.instant();
        var terms =
                new ShareTerms(AccessRole.OWNER, roles.get(0).code(), 0, true, List.of(), connected.ownerPersonId());
        var share = AccessShare.create(
                new ShareId(ids.next()),
                connected.workspaceId(),
                connected.hubId(),
                connected.ownerPersonId(),
                terms,
                now);
        shares.save(share);
        if (memberships
                .findByHubIdAndPersonId(connected.hubId(), connected.ownerPersonId())
                .isEmpty()) {
            var grant = EffectiveGrant.over(List.of(share)).orElseThrow();
            memberships.save(Membership.ofMember(
                    new MembershipId(ids.next()),
                    connected.workspaceId(),
                    connected.hubId(),
                    connected.ownerPersonId(),
                    owner.email(),
                    grant,
                    null,
                    now));
        }
    }

    /** After a sync: invitations accepted or expired, members' hub ids and assets as the hub now shows them. */
    @ApplicationModuleListener
    void on(HubSynced synced) {
        var byPerson = new HashMap<PersonId, HubAccountView>();
        var byEmail = new HashMap<String, HubAccountView>();
        for (var account : hubs.accounts(synced.hubId())) {
            var person = account.personId();
            if (person != null) {
                byPerson.merge(person, account, HubReactions::memberFirst);
            }
            var email = account.email();
            if (email != null) {
                byEmail.merge(email, account, HubReactions::memberFirst);
            }
        }
        var now = clock.instant();
        for (var membership : memberships.findByHubId(synced.hubId())) {
            var account = byPerson.getOrDefault(membership.personId(), byEmail.get(membership.email()));
            if (account != null && reconcile(membership, account, now)) {
                memberships.save(membership);
            }
            if (account != null && account.member()) {
                catchUp(membership);
            }
        }
    }

    /** Someone matched a hub member to the person by hand: the hub has them. */
    @ApplicationModuleListener
    void on(HubAccountMatched matched) {
        memberships
                .findByHubIdAndPersonId(matched.hubId(), matched.personId())
                .filter(membership -> membership.status().permits(MembershipEvent.HUB_SHOWS_MEMBER))
                .filter(membership -> hubs.accounts(matched.hubId()).stream()
                        .anyMatch(account ->
                                account.externalId().equals(matched.accountExternalId()) && account.member()))
                .ifPresent(membership -> {
                    membership.hubShowsMember(matched.accountExternalId(), clock.instant());
                    memberships.save(membership);
                });
    }

    /**
     * A membership job that failed for good fails its step, with the job's reason on the card and the Users table. The
     * condition keeps the event publication registry from storing a publication for every job that succeeded.
     */
    @ApplicationModuleListener(condition = "#finished.status().name() == 'FAILED' and #finished.subject() != null")
    void on(JobFinished finished) {
        var subject = finished.subject();
        var failure = finished.failure();
        if (finished.status() != JobStatus.FAILED || subject == null || failure == null) {
            return;
        }
        var failing = failingStatus(finished.type());
        if (failing == null) {
            return;
        }
        memberships
                .findById(MembershipId.parse(subject))
                .filter(membership -> membership.status() == failing)
                .ifPresent(membership -> {
                    var why = new MembershipNote(failure.code(), failure.message());
                    var now = clock.instant();
                    if (failing == MembershipStatus.INVITING) {
                        membership.inviteFailed(why, now);
                    } else if (failing == MembershipStatus.UPDATING) {
                        membership.updateFailed(why, now);
                    } else {
                        membership.removalFailed(why, now);
                    }
                    memberships.save(membership);
                });
    }

    /**
     * A member who just joined or connected gets the asset tasks their shares give, which the hub could not before. The
     * condition keeps the event publication registry from storing a publication for every other move (a fan-out makes
     * two per person).
     */
    @ApplicationModuleListener(condition = "#changed.to().name() == 'JOINED' or #changed.to().name() == 'CONNECTED'")
    void on(MembershipStatusChanged changed) {
        if (changed.to() != MembershipStatus.JOINED && changed.to() != MembershipStatus.CONNECTED) {
            return;
        }
        memberships.findById(changed.membershipId()).ifPresent(this::catchUp);
    }

    private void catchUp(Membership membership) {
        var grant = EffectiveGrant.over(shares.findByHubIdAndPersonId(membership.hubId(), membership.personId()));
        if (grant.isPresent() && membership.catchUp(grant.get(), clock.instant())) {
            memberships.save(membership);
            jobs.update(membership, JobRequest.SYSTEM, "assets shared");
        }
    }

    private static @Nullable MembershipStatus failingStatus(String jobType) {
        switch (jobType) {
            case MembershipJobs.INVITE:
                return MembershipStatus.INVITING;
            case MembershipJobs.UPDATE:
                return MembershipStatus.UPDATING;
            case MembershipJobs.REMOVE:
                return MembershipStatus.REMOVING;
            default:
                return null;
        }
    }

    /** Moves the membership as the account says; whether anything changed. */
    private boolean reconcile(Membership membership, HubAccountView account, Instant now) {
        var before = membership.updatedAt();
        var status = membership.status();
        if (account.member()) {
            if (status.permits(MembershipEvent.HUB_SHOWS_MEMBER) && status != MembershipStatus.NO_SEAT) {
                membership.hubShowsMember(account.externalId(), now);
            }
            if (membership.status().isMember()) {
                membership.seenInHubAs(account.externalId(), now);
                membership.holds(held(hubs.assetsOf(account.hubId(), new HubUserId(account.externalId()))), now);
            }
        } else if (account.state() == HubAccountState.EXPIRED && status == MembershipStatus.INVITED) {
            membership.invitationExpired(now);
        }
        return !membership.updatedAt().equals(before);
    }

    private static Set<MembershipAsset> held(List<AssetView> assets) {
        var held = new HashSet<MembershipAsset>();
        for (var asset : assets) {
            held.add(new MembershipAsset(
                    asset.kind(), asset.externalId(), asset.name(), String.join(",", new TreeSet<>(asset.tasks()))));
        }
        return held;
    }

    private static HubAccountView memberFirst(HubAccountView one, HubAccountView other) {
        return one.member() ? one : other;
    }
}
