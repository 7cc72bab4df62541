package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migration that took the key off the staging tables keeps what a halted sync staged, for its review. */
class SyncStagingMigrationTests {

    @Test
    void aHaltedSyncsStagedRowsSurviveTheMigrationAsFirstReadings() {
        var database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:staging-migration-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        var jdbc = new JdbcTemplate(database);
        migrate(database, "7");
        var sync = UUID.randomUUID();
        // The staged rows alone: the hub and the sync they belong to are beside the point here.
        jdbc.execute("set referential_integrity false");
        jdbc.update(
                "insert into hub_sync_account values (?, 'MEMBER', '7', ?, 'ana@acme.test', 'Ana', 'EMPLOYEE', '',"
                        + " 'ACTIVE', null, null)",
                sync,
                UUID.randomUUID());
        jdbc.update("insert into hub_sync_asset values (?, 'AD_ACCOUNT', 'act_1', 'Spring sale')", sync);
        jdbc.update("insert into hub_sync_assignment values (?, 'AD_ACCOUNT', 'act_1', '7', 'ANALYZE')", sync);
        jdbc.execute("set referential_integrity true");

        migrate(database, "latest");

        assertThat(jdbc.queryForList(
                        "select external_id || ' ' || name || ' ' || reading from hub_sync_account where sync_id = ?",
                        String.class,
                        sync))
                .containsExactly("7 Ana 0");
        assertThat(jdbc.queryForList(
                        "select name || ' ' || reading from hub_sync_asset where sync_id = ?", String.class, sync))
                .containsExactly("Spring sale 0");
        assertThat(jdbc.queryForList(
                        "select user_id || ' ' || tasks || ' ' || reading from hub_sync_assignment where sync_id = ?",
                        String.class,
                        sync))
                .containsExactly("7 ANALYZE 0");
    }

    private static void migrate(JdbcDataSource database, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target(target)
                .load()
                .migrate();
    }
}
