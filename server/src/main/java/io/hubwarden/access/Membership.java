package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One person in one hub: what their tenant card says and the row of the hub's Users table. Its status moves only
 * through {@link MembershipStatus}'s table; each move registers a {@link MembershipStatusChanged}. It also carries
 * the effective grant the hub should reflect, the hub's ids for the person once known, and the assets they hold.
 */
@Table
class Membership {

    /** What has to happen in the hub after a share changed the membership. */
    enum FollowUp {
        NOTHING,
        /** Invite the person: an INVITE_USER job for the new invitation generation. */
        INVITE,
        /** Tell the hub of a changed role or asset tasks. */
        UPDATE
    }

    @Id
    private final MembershipId id;

    private final WorkspaceId workspaceId;
    private final HubId hubId;
    private final PersonId personId;
    private final String email;
    private MembershipStatus status;
    private @Nullable MembershipStatus settledStatus;
    private AccessRole role;
    private String hubRole;
    private boolean takesSeat;
    private int inviteGeneration;
    private @Nullable String hubInvitationId;
    private @Nullable String hubUserId;

    @Embedded.Nullable(prefix = "note_")
    private @Nullable MembershipNote note;

    private Instant statusChangedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private Set<MembershipAsset> assets;

    @Version
    private long version;

    @Transient
    private final List<Object> events = new ArrayList<>();

    @PersistenceCreator
    @SuppressWarnings("TooManyParameters") // one per column, as Spring Data JDBC loads it
    Membership(
            MembershipId id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            String email,
            MembershipStatus status,
            @Nullable MembershipStatus settledStatus,
            AccessRole role,
            String hubRole,
            boolean takesSeat,
            int inviteGeneration,
            @Nullable String hubInvitationId,
            @Nullable String hubUserId,
            @Nullable MembershipNote note,
            Instant statusChangedAt,
            Instant createdAt,
            Instant updatedAt,
            Set<MembershipAsset> assets,
            long version) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.hubId = hubId;
        this.personId = personId;
        this.email = email;
        this.status = status;
        this.settledStatus = settledStatus;
        this.role = role;
        this.hubRole = hubRole;
        this.takesSeat = takesSeat;
        this.inviteGeneration = inviteGeneration;
        this.hubInvitationId = hubInvitationId;
        this.hubUserId = hubUserId;
        this.note = note;
        this.statusChangedAt = statusChangedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.assets = new HashSet<>(assets);
        this.version = version;
    }

    /**
     * A new membership for a person's first share of a hub: inviting when the grant takes a seat, else without one.
     * Registers its creation.
     */
    static Membership create(
            MembershipId id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            String email,
            EffectiveGrant grant,
            Instant now) {
        var status = MembershipStatus.initial(grant.takesSeat());
        var membership = new Membership(
                id,
                workspaceId,
                hubId,
                personId,
                email,
                status,
                null,
                grant.role(),
                grant.hubRole(),
                grant.takesSeat(),
                status == MembershipStatus.INVITING ? 1 : 0,
                null,
                null,
                null,
                now,
                now,
                now,
                Set.of(),
                0);
        membership.registerChange(null, now);
        return membership;
    }

    /**
     * A membership for someone the hub already has as a member, such as the person who connected the hub: no
     * invitation is needed.
     */
    static Membership ofMember(
            MembershipId id,
            WorkspaceId workspaceId,
            HubId hubId,
            PersonId personId,
            String email,
            EffectiveGrant grant,
            @Nullable String hubUserId,
            Instant now) {
        var membership = new Membership(
                id,
                workspaceId,
                hubId,
                personId,
                email,
                MembershipStatus.JOINED,
                null,
                grant.role(),
                grant.hubRole(),
                true,
                0,
                null,
                hubUserId,
                null,
                now,
                now,
                now,
                Set.of(),
                0);
        membership.registerChange(null, now);
        return membership;
    }

    /**
     * Takes a person's changed effective grant (after a new or replaced share) and says what the hub must be told.
     * A grant taking a seat starts an invitation when the person holds none; a member's changed role starts an
     * update; a person who lost access and is shared the hub without a seat gets a card again.
     */
    FollowUp granted(EffectiveGrant grant, Instant now) {
        boolean roleChanged = !grant.hubRole().equals(hubRole);
        this.role = grant.role();
        this.hubRole = grant.hubRole();
        this.takesSeat = this.takesSeat || grant.takesSeat();
        this.updatedAt = now;
        if (grant.takesSeat() && status.permits(MembershipEvent.SEAT_SHARED)) {
            if (status == MembershipStatus.INVITING || status == MembershipStatus.INVITED) {
                return FollowUp.NOTHING;
            }
            inviteGeneration++;
            this.note = null;
            move(MembershipEvent.SEAT_SHARED, now);
            return FollowUp.INVITE;
        }
        if (grant.takesSeat()
                && (roleChanged || lacksTasksOf(grant))
                && status.permits(MembershipEvent.GRANT_CHANGED)) {
            move(MembershipEvent.GRANT_CHANGED, now);
            return FollowUp.UPDATE;
        }
        if (!grant.takesSeat() && status.permits(MembershipEvent.SHARED_WITHOUT_SEAT)) {
            this.takesSeat = false;
            move(MembershipEvent.SHARED_WITHOUT_SEAT, now);
        }
        return FollowUp.NOTHING;
    }

    /** The hub sent the invitation, or had one pending for the address already. */
    void inviteSent(String invitationId, Instant now) {
        this.hubInvitationId = invitationId;
        this.note = null;
        move(MembershipEvent.INVITE_SENT, now);
    }

    /** The invitation job failed for good. */
    void inviteFailed(MembershipNote why, Instant now) {
        this.note = why;
        move(MembershipEvent.INVITE_FAILED, now);
    }

    /** The hub throttled or failed the invitation call; the job will try again. The status does not change. */
    void hubBusy(MembershipNote why, Instant now) {
        if (status != MembershipStatus.INVITING) {
            return;
        }
        this.note = why;
        this.updatedAt = now;
    }

    /** The hub shows the person as a member under this id (invitation accepted, or a member already). */
    void hubShowsMember(String memberId, Instant now) {
        this.hubUserId = memberId;
        this.hubInvitationId = null;
        this.note = null;
        move(MembershipEvent.HUB_SHOWS_MEMBER, now);
    }

    /** The hub lists the member under this id (a sync saw them); the status does not change. */
    void seenInHubAs(String memberId, Instant now) {
        if (!memberId.equals(hubUserId)) {
            this.hubUserId = memberId;
            this.updatedAt = now;
        }
    }

    /** The hub's invitation lapsed before the person accepted it. */
    void invitationExpired(Instant now) {
        this.note = null;
        move(MembershipEvent.INVITATION_EXPIRED, now);
    }

    /** Someone asked for the invitation to be sent again: a new invitation generation starts. */
    void resent(Instant now) {
        inviteGeneration++;
        this.note = null;
        move(MembershipEvent.RESENT, now);
    }

    /** Someone retried the failed invitation job itself: the same invitation generation is tried once more. */
    void retried(Instant now) {
        this.note = null;
        move(MembershipEvent.RESENT, now);
    }

    /** The person's own profile was verified, by the hub's user id, as a member of the business. */
    void profileVerified(String memberId, Instant now) {
        this.hubUserId = memberId;
        this.hubInvitationId = null;
        this.note = null;
        if (status == MembershipStatus.UPDATING || status == MembershipStatus.UPDATE_FAILED) {
            this.settledStatus = MembershipStatus.CONNECTED;
            this.updatedAt = now;
            return;
        }
        move(MembershipEvent.PROFILE_VERIFIED, now);
    }

    /** The person's profile could not be verified as a member; the status stays, the card says why. */
    void profileNotVerified(MembershipNote why, Instant now) {
        this.note = why;
        this.updatedAt = now;
    }

    /**
     * Starts an update when a settled member lacks tasks that the grant gives on some asset: the hub can only give
     * tasks to members, so a share's assets reach the person once they joined. Whether it started one.
     */
    boolean catchUp(EffectiveGrant grant, Instant now) {
        if ((status == MembershipStatus.JOINED || status == MembershipStatus.CONNECTED)
                && grant.takesSeat()
                && lacksTasksOf(grant)) {
            move(MembershipEvent.GRANT_CHANGED, now);
            return true;
        }
        return false;
    }

    /** Whether some asset of the grant is missing from what the member holds, or held with fewer tasks. */
    boolean lacksTasksOf(EffectiveGrant grant) {
        for (var entitlement : grant.assets()) {
            boolean held = assets.stream()
                    .filter(asset -> asset.kind() == entitlement.kind()
                            && asset.assetId().equals(entitlement.assetId()))
                    .anyMatch(asset -> Set.of(asset.tasks().split(",")).containsAll(entitlement.tasks()));
            if (!held) {
                return true;
            }
        }
        return false;
    }

    /**
     * The person's last share of the hub was revoked: their seat is taken back (REMOVING), or, without a seat, the
     * card just goes.
     */
    void accessEnded(Instant now) {
        this.note = null;
        move(MembershipEvent.LAST_GRANT_REMOVED, now);
    }

    /** The hub no longer has the person, neither as a member nor as a pending invitation. */
    void removalSucceeded(Instant now) {
        this.hubUserId = null;
        this.hubInvitationId = null;
        this.assets = new HashSet<>();
        this.takesSeat = false;
        this.note = null;
        move(MembershipEvent.REMOVAL_SUCCEEDED, now);
    }

    void removalFailed(MembershipNote why, Instant now) {
        this.note = why;
        move(MembershipEvent.REMOVAL_FAILED, now);
    }

    /** The hub took the changed grant: back to where the membership was before the update. */
    void updateSucceeded(Instant now) {
        this.note = null;
        move(MembershipEvent.UPDATE_SUCCEEDED, now);
    }

    void updateFailed(MembershipNote why, Instant now) {
        this.note = why;
        move(MembershipEvent.UPDATE_FAILED, now);
    }

    /** The assets the member holds in the hub with their tasks, as the hub now shows them. */
    void holds(Set<MembershipAsset> held, Instant now) {
        if (!held.equals(assets)) {
            this.assets = new HashSet<>(held);
            this.updatedAt = now;
        }
    }

    /** Applies an event through the table; refuses what the current status does not permit. */
    void move(MembershipEvent event, Instant now) {
        var settled = settledStatus == null ? MembershipStatus.JOINED : settledStatus;
        var next = status.after(event, settled).orElseThrow(() -> new MembershipTransitionRefused(status, event));
        var from = status;
        if (event == MembershipEvent.GRANT_CHANGED && from != MembershipStatus.UPDATING) {
            this.settledStatus = from == MembershipStatus.UPDATE_FAILED ? settled : from;
        }
        if (event == MembershipEvent.UPDATE_SUCCEEDED) {
            this.settledStatus = null;
        }
        this.status = next;
        this.updatedAt = now;
        if (next != from) {
            this.statusChangedAt = now;
            registerChange(from, now);
        }
    }

    private void registerChange(@Nullable MembershipStatus from, Instant now) {
        events.add(new MembershipStatusChanged(id, workspaceId, hubId, personId, from, status, note, now));
    }

    /** The membership was inserted with its first version, as Spring Data JDBC inserts a primitive version. */
    void inserted() {
        version = 1;
    }

    @DomainEvents
    List<Object> events() {
        return List.copyOf(events);
    }

    @AfterDomainEventPublication
    void eventsPublished() {
        events.clear();
    }

    MembershipId id() {
        return id;
    }

    WorkspaceId workspaceId() {
        return workspaceId;
    }

    HubId hubId() {
        return hubId;
    }

    PersonId personId() {
        return personId;
    }

    String email() {
        return email;
    }

    MembershipStatus status() {
        return status;
    }

    /** Where an update returns to; empty unless the membership is updating or its update failed. */
    Optional<MembershipStatus> settledStatus() {
        return Optional.ofNullable(settledStatus);
    }

    AccessRole role() {
        return role;
    }

    String hubRole() {
        return hubRole;
    }

    boolean takesSeat() {
        return takesSeat;
    }

    int inviteGeneration() {
        return inviteGeneration;
    }

    Optional<String> hubInvitationId() {
        return Optional.ofNullable(hubInvitationId);
    }

    Optional<String> hubUserId() {
        return Optional.ofNullable(hubUserId);
    }

    Optional<MembershipNote> note() {
        return Optional.ofNullable(note);
    }

    Instant statusChangedAt() {
        return statusChangedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Set<MembershipAsset> assets() {
        return Set.copyOf(assets);
    }
}
