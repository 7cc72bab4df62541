package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hubwarden.TestClock;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.workspace.Workspaces;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a sync stages and what its decision makes of it when the hub showed a row more than once: the staged rows have
 * no key, so each key's first reading must be the one applied, and a value must come back as it was read.
 */
@HubTest
class SyncRereadingTests {

    private static final HubRole EMPLOYEE = new HubRole("EMPLOYEE", "Employee");
    private static final AssetRef AD_ACCOUNT = new AssetRef(AssetKind.AD_ACCOUNT, "act_1");

    @Autowired
    Hubs hubs;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Jobs jobs;

    @Autowired
    SyncStaging staging;

    @Autowired
    SyncLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    HubView hub;
    UUID sync;

    @BeforeEach
    void aSyncedHubAndANewSyncOfIt() {
        var fixtures = new HubFixtures(workspaces, hubs, jobs);
        var owner = fixtures.aWorkspaceOwner();
        hub = fixtures.aSyncedHub(owner, fixtures.aMetaBusinessRunBy(owner));
        sync = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> ledger.start(sync, hub.id(), clock.instant()));
    }

    @Test
    void aRowReadAgainInALaterWriteKeepsItsFirstReading() {
        written(rows -> rows.members(List.of(member("7", "Ana Ruiz")), Map.of()));
        written(rows -> rows.members(List.of(member("7", "Ana R."), member("8", "Bo Li")), Map.of()));

        decided();

        assertThat(hubs.accounts(hub.id()))
                .filteredOn(account -> List.of("7", "8").contains(account.externalId()))
                .extracting(HubAccountView::externalId, HubAccountView::name)
                .containsExactlyInAnyOrder(tuple("7", "Ana Ruiz"), tuple("8", "Bo Li"));
    }

    @Test
    void aRowReadTwiceInOneWriteKeepsItsFirstReading() {
        written(rows -> {
            rows.assets(List.of(new HubAsset(AD_ACCOUNT, "Spring sale"), new HubAsset(AD_ACCOUNT, "Summer sale")));
            rows.grants(AD_ACCOUNT, List.of(grant("7", "ANALYZE"), grant("7", "ADVERTISE")));
        });

        decided();

        assertThat(jdbc.queryForList(
                        "select name from hub_asset where hub_id = ? and external_id = ?",
                        String.class,
                        hub.id().value(),
                        AD_ACCOUNT.id()))
                .containsExactly("Spring sale");
        assertThat(jdbc.queryForList(
                        "select tasks from hub_assignment where hub_id = ? and asset_id = ?",
                        String.class,
                        hub.id().value(),
                        AD_ACCOUNT.id()))
                .containsExactly("ANALYZE");
    }

    @Test
    void forgettingRereadingsLeavesEachStagedKeyOnce() {
        written(rows -> rows.members(List.of(member("7", "Ana Ruiz"), member("8", "Bo Li")), Map.of()));
        written(rows -> rows.members(List.of(member("8", "Bo Li"), member("7", "Ana Ruiz")), Map.of()));

        new TransactionTemplate(transactions).executeWithoutResult(tx -> ledger.forgetRereadings(sync));

        assertThat(jdbc.queryForList(
                        "select external_id from hub_sync_account where sync_id = ? order by reading",
                        String.class,
                        sync))
                .containsExactly("7", "8");
    }

    @Test
    void textThatEndsAValueOrARowInTheStagingFormatIsStagedAsRead() {
        var names = List.of("Tab\there", "back\\slash \\N", "line\nbreak\r\nand return", "Zoë Ünal 李");
        written(rows -> {
            for (int i = 0; i < names.size(); i++) {
                rows.members(List.of(member(String.valueOf(100 + i), names.get(i))), Map.of());
            }
            rows.members(
                    List.of(new HubMember(new HubUserId("200"), "No address", null, EMPLOYEE, Set.of())), Map.of());
        });

        decided();

        var accounts = hubs.accounts(hub.id());
        assertThat(accounts).extracting(HubAccountView::name).containsAll(names);
        assertThat(accounts)
                .filteredOn(account -> account.externalId().equals("200"))
                .singleElement()
                .satisfies(account -> assertThat(account.email()).isNull());
    }

    private void written(Consumer<SyncStaging.Rows> stage) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            var rows = staging.rows(sync);
            stage.accept(rows);
            rows.write();
        });
    }

    private void decided() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            ledger.forgetRereadings(sync);
            ledger.apply(sync, hub.id(), clock.instant());
        });
    }

    private static HubMember member(String id, String name) {
        return new HubMember(
                new HubUserId(id), name, EmailAddress.of("m" + id + "@rereading.test"), EMPLOYEE, Set.of());
    }

    private static AssetGrant grant(String user, String task) {
        return new AssetGrant(new HubUserId(user), Set.of(task));
    }
}
