package io.hubwarden.platform;

import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database the server runs on, for the few statements that PostgreSQL and H2 need written differently. Asked of
 * the database once, when the server starts.
 */
public final class Database {

    private final boolean postgres;

    private Database(boolean postgres) {
        this.postgres = postgres;
    }

    static Database of(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return new Database(product.contains("postgres"));
        }
    }

    /** Whether it is PostgreSQL; otherwise it is H2. */
    public boolean postgres() {
        return postgres;
    }
}
