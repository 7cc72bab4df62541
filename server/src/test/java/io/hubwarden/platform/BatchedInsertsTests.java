package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class BatchedInsertsTests {

    @Test
    void aPostgresqlPoolSendsBatchesOfInsertsAsInsertsOfManyRows() {
        var pool = pool("jdbc:postgresql://127.0.0.1:5432/hubwarden");

        new BatchedInserts().postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).containsEntry(BatchedInserts.SETTING, "true");
    }

    @Test
    void anAddressThatNamesTheSettingKeepsItsOwnChoice() {
        var pool = pool("jdbc:postgresql://127.0.0.1:5432/hubwarden?reWriteBatchedInserts=false");

        new BatchedInserts().postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).doesNotContainKey(BatchedInserts.SETTING);
    }

    @Test
    void anH2PoolIsLeftAsItIs() {
        var pool = pool("jdbc:h2:mem:hubwarden;MODE=PostgreSQL");

        new BatchedInserts().postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    private static HikariDataSource pool(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
