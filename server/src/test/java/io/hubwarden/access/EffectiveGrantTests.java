package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EffectiveGrantTests {

    static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");
    static final HubId HUB = new HubId(UUID.randomUUID());
    static final PersonId PERSON = new PersonId(UUID.randomUUID());
    static final PersonId SHARER = new PersonId(UUID.randomUUID());

    @Test
    void noSharesGrantNothing() {
        assertThat(EffectiveGrant.over(List.of())).isEmpty();
    }

    @Test
    void theHighestRoleAndTheMostPowerfulHubRoleWin() {
        var grant = EffectiveGrant.over(List.of(
                        share(AccessRole.COLLABORATOR, "ADMIN", 0, false, List.of()),
                        share(AccessRole.MANAGER, "EMPLOYEE", 1, true, List.of())))
                .orElseThrow();

        assertThat(grant.role()).isEqualTo(AccessRole.MANAGER);
        assertThat(grant.hubRole()).isEqualTo("ADMIN");
    }

    @Test
    void anyShareTakingASeatTakesOne() {
        var grant = EffectiveGrant.over(List.of(
                        share(AccessRole.COLLABORATOR, "EMPLOYEE", 1, false, List.of()),
                        share(AccessRole.COLLABORATOR, "EMPLOYEE", 1, true, List.of())))
                .orElseThrow();

        assertThat(grant.takesSeat()).isTrue();
    }

    @Test
    void sharesOnlyShowingTheHubTakeNoSeat() {
        var grant = EffectiveGrant.over(List.of(share(AccessRole.OWNER, "ADMIN", 0, false, List.of())))
                .orElseThrow();

        assertThat(grant.takesSeat()).isFalse();
    }

    @Test
    void assetTasksAreTheUnionPerAsset() {
        var page = new AssetEntitlement(AssetKind.PAGE, "p1", Set.of("ANALYZE"));
        var ads = new AssetEntitlement(AssetKind.AD_ACCOUNT, "act_1", Set.of("ANALYZE"));
        var moreAds = new AssetEntitlement(AssetKind.AD_ACCOUNT, "act_1", Set.of("ADVERTISE", "ANALYZE"));

        var grant = EffectiveGrant.over(List.of(
                        share(AccessRole.COLLABORATOR, "EMPLOYEE", 1, true, List.of(page, ads)),
                        share(AccessRole.COLLABORATOR, "EMPLOYEE", 1, true, List.of(moreAds))))
                .orElseThrow();

        assertThat(grant.assets())
                .containsExactly(
                        new AssetEntitlement(AssetKind.AD_ACCOUNT, "act_1", Set.of("ADVERTISE", "ANALYZE")), page);
    }

    static AccessShare share(AccessRole role, String hubRole, int rank, boolean seat, List<AssetEntitlement> assets) {
        return AccessShare.create(
                new ShareId(UUID.randomUUID()),
                new WorkspaceId(UUID.randomUUID()),
                HUB,
                PERSON,
                new ShareTerms(role, hubRole, rank, seat, assets, SHARER),
                NOW);
    }
}
