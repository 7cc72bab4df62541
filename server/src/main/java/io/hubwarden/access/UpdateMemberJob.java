package io.hubwarden.access;

import io.hubwarden.automation.JobAborted;
import io.hubwarden.automation.JobContext;
import io.hubwarden.automation.JobHandler;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.hub.AssetView;
import io.hubwarden.hub.Hubs;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a member the hub role and the asset tasks of their grant. The grant is read when the job runs, and read again
 * before the membership settles: a share that changed it meanwhile is applied in the same job, so no change is lost
 * between two shares. Safe to repeat: setting a role or a task set is idempotent in the hub.
 */
@Component
class UpdateMemberJob implements JobHandler {

    /** More changes than this while one job runs are left to the next share or sync. */
    private static final int ROUNDS = 5;

    private final Memberships memberships;
    private final Shares shares;
    private final Hubs hubs;
    private final Clock clock;
    private final TransactionTemplate transaction;

    UpdateMemberJob(
            Memberships memberships, Shares shares, Hubs hubs, Clock clock, PlatformTransactionManager transactions) {
        this.memberships = memberships;
        this.shares = shares;
        this.hubs = hubs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String type() {
        return MembershipJobs.UPDATE;
    }

    @Override
    public void run(JobContext job) {
        var id = MembershipId.parse(job.subject().orElseThrow(() -> gone("the job names no membership")));
        for (int round = 0; round < ROUNDS; round++) {
            var membership = memberships.findById(id).orElseThrow(() -> gone("the membership no longer exists"));
            if (membership.status() != MembershipStatus.UPDATING) {
                return;
            }
            var grant = grantOf(membership).orElseThrow(() -> gone("the hub is no longer shared with the person"));
            var user = membership
                    .hubUserId()
                    .map(HubUserId::new)
                    .orElseThrow(() -> new JobAborted(
                            "MEMBER_UNKNOWN",
                            "The hub's id of this member is not known yet: check the hub for updates, then retry."));
            apply(membership, grant, user);
            if (settle(id, grant)) {
                return;
            }
        }
    }

    private void apply(Membership membership, EffectiveGrant grant, HubUserId user) {
        hubs.call(membership.hubId(), (connector, credential) -> {
            var role = connector.roles().stream()
                    .filter(candidate -> candidate.code().equals(grant.hubRole()))
                    .findFirst()
                    .orElseThrow(() -> new JobAborted("HUB_ROLE_UNKNOWN", "The hub has no role " + grant.hubRole()));
            try {
                connector.changeRole(credential, user, role);
            } catch (HubNotFound notMember) {
                throw new JobAborted("NOT_A_MEMBER", "The hub no longer has this person as a member.");
            }
            if (!grant.assets().isEmpty()) {
                var assets = connector
                        .assets()
                        .orElseThrow(() -> new JobAborted(
                                "ASSETS_UNSUPPORTED", "This hub does not let Hubwarden share its assets."));
                for (var entitlement : grant.assets()) {
                    assets.grant(
                            credential,
                            new AssetRef(entitlement.kind(), entitlement.assetId()),
                            user,
                            entitlement.tasks());
                }
            }
            return Boolean.TRUE;
        });
    }

    /** Settles the membership if its grant is still the one applied; whether it did. */
    private boolean settle(MembershipId id, EffectiveGrant applied) {
        var settled = transaction.execute(status -> {
            var membership = memberships.findById(id).orElse(null);
            if (membership == null || membership.status() != MembershipStatus.UPDATING) {
                return true;
            }
            if (!grantOf(membership).map(applied::equals).orElse(false)) {
                return false;
            }
            var now = clock.instant();
            membership.holds(heldAfter(membership, applied), now);
            membership.updateSucceeded(now);
            memberships.save(membership);
            return true;
        });
        return Boolean.TRUE.equals(settled);
    }

    /** What the member holds now: what the last sync saw, with the tasks just given. */
    private Set<MembershipAsset> heldAfter(Membership membership, EffectiveGrant applied) {
        var names = new HashMap<String, String>();
        for (AssetView asset : hubs.assets(membership.hubId())) {
            names.put(asset.kind() + ":" + asset.externalId(), asset.name());
        }
        var held = new HashMap<String, MembershipAsset>();
        membership.assets().forEach(asset -> held.put(asset.kind() + ":" + asset.assetId(), asset));
        for (var entitlement : applied.assets()) {
            var key = entitlement.kind() + ":" + entitlement.assetId();
            var tasks = new TreeSet<>(entitlement.tasks());
            var before = held.get(key);
            if (before != null) {
                tasks.addAll(Arrays.asList(before.tasks().split(",")));
            }
            held.put(
                    key,
                    new MembershipAsset(
                            entitlement.kind(),
                            entitlement.assetId(),
                            names.getOrDefault(key, entitlement.assetId()),
                            String.join(",", tasks)));
        }
        return new HashSet<>(held.values());
    }

    private Optional<EffectiveGrant> grantOf(Membership membership) {
        return EffectiveGrant.over(shares.findByHubIdAndPersonId(membership.hubId(), membership.personId()));
    }

    private static JobAborted gone(String why) {
        return new JobAborted("MEMBERSHIP_GONE", "Nothing to update: " + why + ".");
    }
}
