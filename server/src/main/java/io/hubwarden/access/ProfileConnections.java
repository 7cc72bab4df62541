package io.hubwarden.access;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.ProfileIdentity;
import io.hubwarden.connector.ProfileMembership;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.Hubs;
import io.hubwarden.platform.Ids;
import io.hubwarden.platform.PlatformSettings;
import io.hubwarden.platform.SecretSealer;
import io.hubwarden.workspace.SignedInPerson;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting a person's own hub profile (Facebook Login for Meta) to a hub shared with them, and verifying it by the
 * hub's own user id: the profile's token must show a seat in the hub's business. An e-mail match alone never
 * connects anyone. The caller (the web layer) owns the OAuth {@code state}: it binds it to the session, uses it once
 * and lets it expire.
 */
@Service
public class ProfileConnections {

    /** How often a verified profile is recorded before a membership that keeps changing is reported. */
    private static final int RECORD_ATTEMPTS = 3;

    /** Where the hub sends the browser back after the person's sign-in. */
    public static final String CALLBACK_PATH = "/profiles/oauth/callback";

    private final Memberships memberships;
    private final ConnectedProfiles profiles;
    private final Hubs hubs;
    private final SecretSealer sealer;
    private final PlatformSettings platform;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transaction;

    @SuppressWarnings("TooManyParameters") // the collaborators of the flow, all injected
    ProfileConnections(
            Memberships memberships,
            ConnectedProfiles profiles,
            Hubs hubs,
            SecretSealer sealer,
            PlatformSettings platform,
            Ids ids,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.memberships = memberships;
        this.profiles = profiles;
        this.hubs = hubs;
        this.sealer = sealer;
        this.platform = platform;
        this.ids = ids;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The redirect URI registered with the hub's app for profile connections. */
    public URI redirectUri() {
        return URI.create(platform.baseUrl() + CALLBACK_PATH);
    }

    /**
     * Where to send the person's browser to sign in with their hub profile. Never calls the hub.
     *
     * @param state an unguessable value bound to the person's session
     * @throws HubNotShared when the hub is not shared with the person with a seat in it
     */
    public URI authorizeUrl(SignedInPerson person, HubId hubId, String state) {
        requireSeat(person, hubId);
        return hubs.call(hubId, (connector, credential) -> connector.profiles().authorizeUrl(state, redirectUri()));
    }

    /**
     * Finishes the sign-in: exchanges the code, asks the hub who the profile is and whether it holds a seat in the
     * business, then connects the membership (storing the profile with its token sealed) or notes why not.
     *
     * @throws HubNotShared when the hub is not shared with the person with a seat in it
     * @throws io.hubwarden.connector.HubFailure when the hub refused the code or failed
     */
    public ProfileConnection connect(SignedInPerson person, HubId hubId, String code) {
        var membership = requireSeat(person, hubId);
        var invited = EmailAddress.of(membership.email());
        var outcome = hubs.call(hubId, (connector, credential) -> {
            var linking = connector.profiles();
            IssuedToken issued = linking.exchange(code, redirectUri());
            ProfileIdentity identity = linking.identify(issued.accessToken());
            ProfileMembership seat = linking.membership(credential, issued.accessToken(), invited);
            return new Verification(connector.kind(), issued, identity, seat);
        });
        // An invitation, update or sync job may move the membership meanwhile: record again on its fresh state.
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transaction.execute(status -> record(person, hubId, outcome)));
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == RECORD_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    private ProfileConnection record(SignedInPerson person, HubId hubId, Verification outcome) {
        var membership = memberships
                .findByHubIdAndPersonId(hubId, person.personId())
                .orElseThrow(() -> new HubNotShared("The hub is no longer shared with the person"));
        var now = clock.instant();
        if (outcome.seat() instanceof ProfileMembership.Active active) {
            var profile = profiles.findByHubIdAndPersonId(hubId, person.personId());
            var id = profile.map(ConnectedProfile::id).orElseGet(ids::next);
            var verified = new ConnectedProfile.VerifiedProfile(
                    outcome.identity().userId(),
                    active.user().value(),
                    outcome.identity().name(),
                    sealer.seal(outcome.issued().accessToken().reveal(), ConnectedProfile.sealedFor(id)),
                    String.join(",", new TreeSet<>(outcome.issued().scopes())),
                    outcome.issued().expiresAt());
            if (profile.isPresent()) {
                profile.get().reconnected(verified, now);
                profiles.save(profile.get());
            } else {
                profiles.save(ConnectedProfile.verified(
                        id, person.workspaceId(), hubId, person.personId(), outcome.kind(), verified, now));
            }
            membership.profileVerified(active.user().value(), now);
            var held = new HashSet<MembershipAsset>();
            for (var asset : hubs.assetsOf(hubId, new HubUserId(active.user().value()))) {
                held.add(new MembershipAsset(
                        asset.kind(),
                        asset.externalId(),
                        asset.name(),
                        String.join(",", new TreeSet<>(asset.tasks()))));
            }
            if (!held.isEmpty()) {
                membership.holds(held, now);
            }
            memberships.save(membership);
            return ProfileConnection.CONNECTED;
        }
        if (outcome.seat() instanceof ProfileMembership.Pending) {
            membership.profileNotVerified(
                    new MembershipNote(
                            MembershipNote.PROFILE_PENDING,
                            "Accept the invitation e-mail from the hub first, then connect your account again."),
                    now);
            memberships.save(membership);
            return ProfileConnection.INVITATION_NOT_ACCEPTED;
        }
        membership.profileNotVerified(
                new MembershipNote(
                        MembershipNote.PROFILE_NOT_MEMBER,
                        "The profile you signed in with (" + outcome.identity().name()
                                + ") is not a member of this business. Sign in with the profile that accepted the"
                                + " invitation."),
                now);
        memberships.save(membership);
        return ProfileConnection.NOT_A_MEMBER;
    }

    private Membership requireSeat(SignedInPerson person, HubId hubId) {
        return memberships
                .findByHubIdAndPersonId(hubId, person.personId())
                .filter(membership -> membership.workspaceId().equals(person.workspaceId()))
                .filter(membership -> membership.status().holdsSeat())
                .orElseThrow(() -> new HubNotShared("The hub is not shared with the person with a seat"));
    }

    private record Verification(
            io.hubwarden.connector.HubKind kind,
            IssuedToken issued,
            ProfileIdentity identity,
            ProfileMembership seat) {}
}
