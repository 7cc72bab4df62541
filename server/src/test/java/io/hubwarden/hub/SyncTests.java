package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hubwarden.TestClock;
import io.hubwarden.Unique;
import io.hubwarden.automation.Job;
import io.hubwarden.automation.JobStatus;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.hub.HubFixtures.MetaBusiness;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.meta.AssetType;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Syncs read the simulator two items per page (see {@link SimulatorSettings}), so each crosses pages. */
@HubTest
class SyncTests {

    @Autowired
    Hubs hubs;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    final MetaSimulator meta = TestMetaSimulator.get();
    HubFixtures fixtures;
    SignedInPerson owner;
    SignedInPerson ana;
    MetaBusiness business;
    String anaSeat;
    String adAccount;

    @BeforeEach
    void aBusinessWithPeopleInvitationsAndAssets() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        ana = fixtures.anInvitedPerson(owner, "ana", WorkspaceRole.USER);
        business = fixtures.aMetaBusinessRunBy(owner);
        // The hub spells Ana's address in capitals; matching ignores case.
        var anaLogin = ana.email().toUpperCase(Locale.ROOT);
        meta.seedPerson(anaLogin, "Ana Ruiz", "pw");
        anaSeat = meta.addBusinessUser(business.id(), anaLogin, "EMPLOYEE").id();
        for (var stranger : List.of("zed", "yan", "xia")) {
            var email = Unique.email(stranger);
            meta.seedPerson(email, stranger, "pw");
            meta.addBusinessUser(business.id(), email, "EMPLOYEE");
        }
        meta.createInvitation(business.id(), Unique.email("bo"), "EMPLOYEE", List.of());
        adAccount = meta.seedAsset(business.id(), AssetType.AD_ACCOUNT, "Spring sale")
                .id();
        meta.seedAsset(business.id(), AssetType.AD_ACCOUNT, "Autumn sale");
        meta.seedAsset(business.id(), AssetType.AD_ACCOUNT, "Winter sale");
        meta.seedAsset(business.id(), AssetType.PAGE, "Acme page");
        meta.assign(adAccount, anaSeat, List.of("ADVERTISE", "ANALYZE"));
    }

    @Test
    void theFirstSyncImportsMembersAndInvitationsAcrossPages() {
        var hub = fixtures.aSyncedHub(owner, business);

        var accounts = hubs.accounts(hub.id());
        assertThat(accounts).hasSize(6);
        assertThat(accounts).filteredOn(HubAccountView::member).hasSize(5);
        assertThat(accounts)
                .filteredOn(account -> account.state() == HubAccountState.PENDING_INVITATION)
                .singleElement()
                .satisfies(invitation -> assertThat(invitation.expiresAt()).isNotNull());
        assertThat(hubs.hub(owner.workspaceId(), hub.id()).orElseThrow().lastSyncAt())
                .isNotNull();
    }

    @Test
    void membersAreMatchedToPeopleByEmailIgnoringCase() {
        var hub = fixtures.aSyncedHub(owner, business);

        assertThat(hubs.account(hub.id(), owner.email()).orElseThrow().personId())
                .isEqualTo(owner.personId());
        assertThat(hubs.account(hub.id(), ana.email()).orElseThrow()).satisfies(account -> {
            assertThat(account.personId()).isEqualTo(ana.personId());
            assertThat(account.externalId()).isEqualTo(anaSeat);
            assertThat(account.matchedByHand()).isFalse();
        });
    }

    @Test
    void theRestAreListedAsUnmatched() {
        var hub = fixtures.aSyncedHub(owner, business);

        assertThat(hubs.unmatched(owner.workspaceId(), hub.id()))
                .hasSize(4)
                .allSatisfy(account -> assertThat(account.unmatched()).isTrue());
    }

    @Test
    void assetsAndWhoHoldsThemAreImported() {
        var hub = fixtures.aSyncedHub(owner, business);

        assertThat(hubs.assets(hub.id()))
                .extracting(AssetView::kind, AssetView::name)
                .contains(
                        tuple(AssetKind.AD_ACCOUNT, "Spring sale"),
                        tuple(AssetKind.AD_ACCOUNT, "Winter sale"),
                        tuple(AssetKind.PAGE, "Acme page"));
        assertThat(hubs.assetsOf(hub.id(), new HubUserId(anaSeat)))
                .singleElement()
                .satisfies(asset -> {
                    assertThat(asset.externalId()).isEqualTo(adAccount);
                    assertThat(asset.tasks()).isEqualTo(Set.of("ADVERTISE", "ANALYZE"));
                });
    }

    @Test
    void aSecondSyncWithNoChangesWritesNothing() {
        var hub = fixtures.aSyncedHub(owner, business);
        var before = updatedAt(hub);

        var second = hubs.requestSync(owner, hub.id());
        var finished = fixtures.awaitJob(owner.workspaceId(), second.id());

        assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
        var review = hubs.syncs(owner.workspaceId(), hub.id(), 1).get(0);
        assertThat(review.syncId()).isEqualTo(second.id().value());
        assertThat(review.accounts().unchanged()).isTrue();
        assertThat(review.assets().unchanged()).isTrue();
        assertThat(review.assignments().unchanged()).isTrue();
        assertThat(updatedAt(hub)).isEqualTo(before);
    }

    @Test
    void aSyncWritesOnlyWhatChanged() {
        var hub = fixtures.aSyncedHub(owner, business);
        meta.assign(adAccount, anaSeat, List.of("ANALYZE"));
        meta.seedAsset(business.id(), AssetType.PAGE, "Second page");

        var next = fixtures.awaitJob(
                owner.workspaceId(), hubs.requestSync(owner, hub.id()).id());

        assertThat(next.status()).isEqualTo(JobStatus.SUCCEEDED);
        var review = hubs.syncs(owner.workspaceId(), hub.id(), 1).get(0);
        assertThat(review.accounts().unchanged()).isTrue();
        assertThat(review.assets().added()).isEqualTo(1);
        assertThat(review.assignments().changed()).isEqualTo(1);
        assertThat(hubs.assetsOf(hub.id(), new HubUserId(anaSeat)))
                .singleElement()
                .extracting(AssetView::tasks)
                .isEqualTo(Set.of("ANALYZE"));
    }

    @Test
    void anAssetHeldByMorePeopleThanAPageHoldsIsReadToItsLastHolder() {
        var holders = moreHoldersOfTheAdAccount();

        var hub = fixtures.aSyncedHub(owner, business);

        assertThat(holdersOf(hub, adAccount)).containsExactlyInAnyOrderElementsOf(holders);
    }

    @Test
    void aSyncThatFailedWhileReadingAnAssetsHoldersResumesAfterTheLastPageItStaged() {
        var holders = moreHoldersOfTheAdAccount();
        // The four assets' first pages come in one batch; the fifth read is the ad account's second page.
        meta.injectFault("GET", "/*/assigned_users", Fault.latency(Duration.ofMillis(1)), 4);
        meta.injectFault("GET", "/*/assigned_users", Fault.serverError(503), 1);

        var hub = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());
        var sync = awaitSyncAdvancingTheClock(hub.id());

        assertThat(sync.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sync.attempts()).isEqualTo(2);
        assertThat(holdersOf(hub, adAccount)).containsExactlyInAnyOrderElementsOf(holders);
        assertThat(meta.requestLog())
                .filteredOn(logged -> logged.method().equals("POST")
                        && String.valueOf(logged.params().get("batch")).contains(adAccount + "/assigned_users"))
                .as("the ad account's first page, read once")
                .hasSize(1);
    }

    @Test
    void aSyncThatFailedWhileReadingMembersResumesAfterTheLastPageItStagedAndStillReadsEveryAsset() {
        // Five members, two a page: the first page is read, the second fails.
        meta.injectFault("GET", "/*/business_users", Fault.latency(Duration.ofMillis(1)), 1);
        meta.injectFault("GET", "/*/business_users", Fault.serverError(503), 1);

        var hub = hubs.connectWithToken(owner, HubFixtures.connectionTo(business), business.token());
        var sync = awaitSyncAdvancingTheClock(hub.id());

        assertThat(sync.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sync.attempts()).isEqualTo(2);
        assertThat(hubs.accounts(hub.id())).filteredOn(HubAccountView::member).hasSize(5);
        assertThat(hubs.assetsOf(hub.id(), new HubUserId(anaSeat)))
                .extracting(AssetView::externalId)
                .containsExactly(adAccount);
        assertThat(meta.requestLog())
                .filteredOn(logged -> logged.method().equals("GET")
                        && logged.path().endsWith(business.id() + "/business_users")
                        && !logged.params().containsKey("after"))
                .as("the members' first page, read once")
                .hasSize(1);
    }

    /** Two more people hold the ad account besides Ana: three holders, two pages. */
    private List<String> moreHoldersOfTheAdAccount() {
        var holders = new ArrayList<>(List.of(anaSeat));
        for (var name : List.of("uma", "vic")) {
            var email = Unique.email(name);
            meta.seedPerson(email, name, "pw");
            var seat = meta.addBusinessUser(business.id(), email, "EMPLOYEE").id();
            meta.assign(adAccount, seat, List.of("ANALYZE"));
            holders.add(seat);
        }
        return holders;
    }

    private List<String> holdersOf(HubView hub, String asset) {
        return jdbc.queryForList(
                "select user_id from hub_assignment where hub_id = ? and asset_id = ?",
                String.class,
                hub.id().value(),
                asset);
    }

    private Job awaitSyncAdvancingTheClock(HubId hub) {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var syncs = jobs.jobsOf(owner.workspaceId(), hub.value(), PageRequest.of(0, 20)).stream()
                    .filter(job -> job.type().equals("SYNC"))
                    .toList();
            if (!syncs.isEmpty() && syncs.get(0).status().finished()) {
                return syncs.get(0);
            }
            if (!syncs.isEmpty() && syncs.get(0).status() == JobStatus.QUEUED) {
                // Past the retry's back-off, but well within the lease of an attempt that starts meanwhile.
                clock.advance(Duration.ofSeconds(20));
            }
            pause();
        }
        throw new AssertionError("the sync did not finish within 60 s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Timestamp> updatedAt(HubView hub) {
        return jdbc.queryForList(
                "select updated_at from hub_account where hub_id = ? union all"
                        + " select updated_at from hub_asset where hub_id = ? union all"
                        + " select updated_at from hub_assignment where hub_id = ?",
                Timestamp.class,
                hub.id().value(),
                hub.id().value(),
                hub.id().value());
    }
}
