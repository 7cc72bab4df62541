package io.hubwarden.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets PostgreSQL's driver send a JDBC batch of inserts as inserts of many rows each ({@code reWriteBatchedInserts}),
 * unless the database's address or the pool's settings name the setting themselves: a share with ten thousand people
 * inserts some seventy thousand rows in batches, and PostgreSQL took most of the share's time executing one statement
 * per row. The driver then reports no count per row, which nothing here reads. H2, and data sources other than the
 * connection pool, are left as they are.
 */
final class BatchedInserts implements BeanPostProcessor {

    static final String SETTING = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            var url = pool.getJdbcUrl();
            if (url != null
                    && url.startsWith("jdbc:postgresql:")
                    && !url.toLowerCase(Locale.ROOT).contains(SETTING.toLowerCase(Locale.ROOT))
                    && !pool.getDataSourceProperties().containsKey(SETTING)) {
                pool.addDataSourceProperty(SETTING, "true");
            }
        }
        return bean;
    }
}
