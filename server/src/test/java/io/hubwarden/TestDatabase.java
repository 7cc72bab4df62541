package io.hubwarden;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The database of this test JVM: an in-memory H2 in PostgreSQL mode by default, or a fresh PostgreSQL database
 * when the system property {@code hubwarden.db=postgres} is set ({@code ./mvnw -Ppostgres}). The PostgreSQL
 * database is created on first use on 127.0.0.1:5432 as user {@code postgres} (password from {@code PGPASSWORD} if
 * set) and dropped when the JVM ends, so every run starts empty.
 */
final class TestDatabase {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String NAME = "hubwarden_test_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

    private static volatile Map<String, String> settings = Map.of();

    private TestDatabase() {}

    /** Spring datasource settings for this JVM's database; creates it on the first call. */
    static synchronized Map<String, String> settings() {
        if (settings.isEmpty()) {
            settings = "postgres".equalsIgnoreCase(System.getProperty("hubwarden.db", "h2")) ? postgres() : h2();
        }
        return settings;
    }

    private static Map<String, String> h2() {
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:" + NAME + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username",
                "sa",
                "spring.datasource.password",
                "");
    }

    private static Map<String, String> postgres() {
        var password = System.getenv().getOrDefault("PGPASSWORD", "");
        execute("create database " + NAME, password);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            applicationsClosed();
            execute("drop database if exists " + NAME + " with (force)", password);
        }));
        return Map.of(
                "spring.datasource.url",
                POSTGRES + NAME,
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                password);
    }

    /**
     * Waits, for up to 20 s, for the applications of this JVM to close: the JVM starts its shutdown hooks together,
     * Spring's (which closes the applications) perhaps a moment after this one, and dropping the database under
     * applications that still close cut their connections, which then waited 30 s for new ones.
     */
    private static void applicationsClosed() {
        for (int look = 0; look < 20; look++) {
            for (var thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("SpringApplicationShutdownHook")) {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void execute(String sql, String password) {
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
