package io.hubwarden.platform;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.relational.core.mapping.NamingStrategy;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Runs before any other bean is created, so that bad settings stop the start with one clear message. */
    @Bean
    static ConfigurationCheck configurationCheck(Environment environment) {
        return new ConfigurationCheck(environment);
    }

    @Bean
    static BatchedInserts batchedInserts() {
        return new BatchedInserts();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ids ids() {
        return new Ids();
    }

    @Bean
    Database database(DataSource dataSource) throws SQLException {
        return Database.of(dataSource);
    }

    /** Listens on PostgreSQL only: H2 serves a single node, whose writers tell it of their changes themselves. */
    @Bean
    DatabaseChanges databaseChanges(Database database, ObjectProvider<DataSourceProperties> dataSource) {
        return new DatabaseChanges(database.postgres() ? dataSource.getIfAvailable() : null);
    }

    @Bean
    Tokens tokens() {
        return new Tokens(new SecureRandom());
    }

    @Bean
    SecretSealer secretSealer(PlatformSettings settings) {
        return new SecretSealer(MasterKey.aead(settings.secrets()));
    }

    @Bean
    NamingStrategy namingStrategy() {
        return new ColumnNaming();
    }

    /** Every module's {@link ColumnTypes}, with the store conversions of the database in use. */
    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect, ObjectProvider<ColumnTypes> columnTypes) {
        var converters = columnTypes
                .orderedStream()
                .flatMap(types -> types.converters().stream())
                .toList();
        return JdbcCustomConversions.of(dialect, converters);
    }
}
