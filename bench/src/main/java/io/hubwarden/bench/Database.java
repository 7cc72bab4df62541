package io.hubwarden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh database for one run: H2 in memory or in a file (PostgreSQL mode, as the embedded default), or a new
 * PostgreSQL database on 127.0.0.1:5432 as user {@code postgres} ({@code PGPASSWORD} if set), dropped on close.
 */
final class Database implements AutoCloseable {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private final String kind;
    private final String name;
    private final Map<String, String> settings;

    private Database(String kind, String name, Map<String, String> settings) {
        this.kind = kind;
        this.name = name;
        this.settings = settings;
    }

    static Database create(String kind) {
        return create(kind, false);
    }

    /**
     * A fresh database that another process can open too when {@code shared}: H2 then lives in a file whose first
     * opener (the server) serves it to the others over TCP ({@code AUTO_SERVER}), since H2 in memory is one JVM's.
     */
    static Database create(String kind, boolean shared) {
        var name = "hubwarden_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        switch (kind) {
            case "h2":
                if (shared) {
                    return file(kind, name, true);
                }
                return new Database(
                        kind,
                        name,
                        h2("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
            case "h2-file":
                return file(kind, name, shared);
            case "postgres":
                execute("create database " + name);
                return new Database(
                        kind,
                        name,
                        Map.of(
                                "spring.datasource.url",
                                POSTGRES + name,
                                "spring.datasource.username",
                                "postgres",
                                "spring.datasource.password",
                                password()));
            default:
                throw new IllegalArgumentException("--db is h2, h2-file or postgres, not " + kind);
        }
    }

    /** H2 refuses to serve a database it does not close with the JVM, so a shared one closes with the server's. */
    private static Database file(String kind, String name, boolean shared) {
        try {
            var directory = Files.createTempDirectory("hubwarden-bench-");
            return new Database(
                    kind,
                    name,
                    h2("jdbc:h2:file:" + directory.resolve(name)
                            + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"
                            + (shared ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One connection of this process to the database, for a server in another process: enough for a scenario's
     * seeding and counting, which run one statement at a time. Closed with {@link SingleConnectionDataSource#destroy}.
     */
    SingleConnectionDataSource connect() {
        var dataSource = new SingleConnectionDataSource(
                Objects.requireNonNull(settings.get("spring.datasource.url"), "a database has an address"),
                settings.getOrDefault("spring.datasource.username", ""),
                settings.getOrDefault("spring.datasource.password", ""),
                true);
        dataSource.setAutoCommit(true);
        return dataSource;
    }

    Map<String, String> settings() {
        return settings;
    }

    String kind() {
        return kind;
    }

    /** Drops the PostgreSQL database; H2 in memory goes with the JVM. */
    @Override
    public void close() {
        if (kind.equals("postgres")) {
            execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Map<String, String> h2(String url) {
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    private static String password() {
        return System.getenv().getOrDefault("PGPASSWORD", "");
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
