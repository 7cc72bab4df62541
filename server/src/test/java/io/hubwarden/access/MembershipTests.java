package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MembershipTests {

    static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");
    static final EffectiveGrant PARTIAL = new EffectiveGrant(AccessRole.COLLABORATOR, "EMPLOYEE", true, List.of());
    static final EffectiveGrant FULL = new EffectiveGrant(AccessRole.MANAGER, "ADMIN", true, List.of());
    static final EffectiveGrant NO_SEAT = new EffectiveGrant(AccessRole.COLLABORATOR, "EMPLOYEE", false, List.of());

    static Membership fresh(EffectiveGrant grant) {
        var membership = Membership.create(
                new MembershipId(UUID.randomUUID()),
                new WorkspaceId(UUID.randomUUID()),
                new HubId(UUID.randomUUID()),
                new PersonId(UUID.randomUUID()),
                "ada@example.com",
                grant,
                NOW);
        membership.eventsPublished();
        return membership;
    }

    @Test
    void aShareTakingASeatStartsTheFirstInvitation() {
        var membership = Membership.create(
                new MembershipId(UUID.randomUUID()),
                new WorkspaceId(UUID.randomUUID()),
                new HubId(UUID.randomUUID()),
                new PersonId(UUID.randomUUID()),
                "ada@example.com",
                PARTIAL,
                NOW);

        assertThat(membership.status()).isEqualTo(MembershipStatus.INVITING);
        assertThat(membership.inviteGeneration()).isEqualTo(1);
        assertThat(membership.events())
                .singleElement()
                .isInstanceOfSatisfying(MembershipStatusChanged.class, changed -> {
                    assertThat(changed.from()).isNull();
                    assertThat(changed.to()).isEqualTo(MembershipStatus.INVITING);
                });
    }

    @Test
    void aShareWithoutSeatShowsTheHubOnly() {
        assertThat(fresh(NO_SEAT).status()).isEqualTo(MembershipStatus.NO_SEAT);
    }

    @Test
    void refusedEventsLeaveTheMembershipAsItWas() {
        var membership = fresh(PARTIAL);

        assertThatThrownBy(() -> membership.invitationExpired(NOW)).isInstanceOf(MembershipTransitionRefused.class);
        assertThat(membership.status()).isEqualTo(MembershipStatus.INVITING);
        assertThat(membership.events()).isEmpty();
    }

    @Nested
    class WhenInviting {

        @Test
        void sharingAgainDoesNotInviteTwice() {
            var membership = fresh(PARTIAL);

            var followUp = membership.granted(FULL, NOW);

            assertThat(followUp).isEqualTo(Membership.FollowUp.NOTHING);
            assertThat(membership.inviteGeneration()).isEqualTo(1);
            assertThat(membership.hubRole()).isEqualTo("ADMIN");
        }

        @Test
        void theHubBeingBusyLeavesANoteButNotTheStatus() {
            var membership = fresh(PARTIAL);

            membership.hubBusy(new MembershipNote(MembershipNote.HUB_BUSY, "throttled"), NOW);

            assertThat(membership.status()).isEqualTo(MembershipStatus.INVITING);
            assertThat(membership.note()).map(MembershipNote::code).contains(MembershipNote.HUB_BUSY);
            assertThat(membership.events()).isEmpty();
        }

        @Test
        void aSentInvitationClearsTheNote() {
            var membership = fresh(PARTIAL);
            membership.hubBusy(new MembershipNote(MembershipNote.HUB_BUSY, "throttled"), NOW);

            membership.inviteSent("7002", NOW);

            assertThat(membership.status()).isEqualTo(MembershipStatus.INVITED);
            assertThat(membership.note()).isEmpty();
            assertThat(membership.hubInvitationId()).contains("7002");
        }
    }

    @Nested
    class WhenExpired {

        @Test
        void resendingStartsANewInvitationGeneration() {
            var membership = fresh(PARTIAL);
            membership.inviteSent("7002", NOW);
            membership.invitationExpired(NOW);

            membership.resent(NOW);

            assertThat(membership.status()).isEqualTo(MembershipStatus.INVITING);
            assertThat(membership.inviteGeneration()).isEqualTo(2);
        }
    }

    @Nested
    class WhenConnected {

        @Test
        void aChangedHubRoleUpdatesAndReturnsToConnected() {
            var membership = fresh(PARTIAL);
            membership.inviteSent("7002", NOW);
            membership.profileVerified("9001", NOW);

            var followUp = membership.granted(FULL, NOW);
            assertThat(followUp).isEqualTo(Membership.FollowUp.UPDATE);
            assertThat(membership.status()).isEqualTo(MembershipStatus.UPDATING);

            membership.updateSucceeded(NOW);
            assertThat(membership.status()).isEqualTo(MembershipStatus.CONNECTED);
            assertThat(membership.settledStatus()).isEmpty();
        }

        @Test
        void theProfileHoldsTheHubsUserId() {
            var membership = fresh(PARTIAL);

            membership.profileVerified("9001", NOW);

            assertThat(membership.status()).isEqualTo(MembershipStatus.CONNECTED);
            assertThat(membership.hubUserId()).contains("9001");
        }
    }
}
