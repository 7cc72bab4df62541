package io.hubwarden.bench;

import io.hubwarden.Hubwarden;
import io.hubwarden.simulator.mail.Mailbox;
import io.hubwarden.simulator.meta.MetaApp;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a scenario runs against, in this JVM: the mailbox (the server's SMTP relay), the Meta simulator (sending no
 * invitation mail of its own, so that the mailbox holds Hubwarden's mail only) and the server on a free port of
 * 127.0.0.1 with a fresh database, configured as production is, through its settings.
 */
final class Stack implements AutoCloseable {

    static final String APP_ID = "4242";
    static final String APP_SECRET = "bench-app-secret";

    private final Database database;
    private final Mailbox mailbox;
    private final MetaSimulator meta;
    private final ConfigurableApplicationContext server;
    private final URI serverUrl;

    private Stack(
            Database database,
            Mailbox mailbox,
            MetaSimulator meta,
            ConfigurableApplicationContext server,
            URI serverUrl) {
        this.database = database;
        this.mailbox = mailbox;
        this.meta = meta;
        this.server = server;
        this.serverUrl = serverUrl;
    }

    static Stack start(Options options) {
        var database = Database.create(options.database());
        @Nullable Mailbox mailbox = null;
        @Nullable MetaSimulator meta = null;
        try {
            mailbox = Mailbox.start(0, -1);
            meta = MetaSimulator.start(MetaSimulator.Options.defaults()
                    .withPort(0)
                    .withHttpsPort(-1)
                    .withThreads(options.integer("simulator-threads", 8))
                    .withCallsPerHour(Integer.MAX_VALUE));
            var publicUrl = URI.create("http://127.0.0.1:8080");
            meta.seedApp(new MetaApp(
                    APP_ID,
                    APP_SECRET,
                    "Hubwarden",
                    List.of(publicUrl.resolve("/hubs/oauth/callback"), publicUrl.resolve("/profiles/oauth/callback")),
                    true));
            var application = new SpringApplication(Hubwarden.class);
            var server = application.run(arguments(options, database, mailbox, meta, publicUrl));
            var port = Objects.requireNonNull(
                    server.getEnvironment().getProperty("local.server.port"), "the server listens on a port");
            var stack = new Stack(database, mailbox, meta, server, URI.create("http://127.0.0.1:" + port));
            mailbox = null;
            meta = null;
            return stack;
        } finally {
            if (meta != null) {
                meta.close();
            }
            if (mailbox != null) {
                mailbox.close();
            }
        }
    }

    /** Command-line settings rank above every other source, {@code application.yml} and the environment included. */
    private static String[] arguments(
            Options options, Database database, Mailbox mailbox, MetaSimulator meta, URI publicUrl) {
        Map<String, String> settings = new LinkedHashMap<>(database.settings());
        settings.put("server.address", "127.0.0.1");
        settings.put("server.port", "0");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mailbox.smtpPort()));
        settings.put("spring.mail.username", "");
        settings.put("spring.mail.password", "");
        settings.put("hubwarden.public-url", publicUrl.toString());
        settings.put("hubwarden.mail.from", "Hubwarden <hubwarden@bench.test>");
        try {
            var keys = Files.createTempDirectory("hubwarden-bench-keys-");
            keys.toFile().deleteOnExit();
            settings.put(
                    "hubwarden.secrets.master-key-file",
                    keys.resolve("master-key.json").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.put("hubwarden.secrets.master-key", "");
        settings.put("hubwarden.secrets.generate-dev-key", "true");
        var simulator = meta.baseUrl().toString();
        settings.put("hubwarden.hubs.meta.app-id", APP_ID);
        settings.put("hubwarden.hubs.meta.app-secret", APP_SECRET);
        settings.put("hubwarden.hubs.meta.graph-url", simulator);
        settings.put("hubwarden.hubs.meta.dialog-url", simulator);
        settings.put("hubwarden.hubs.meta.business-url", simulator);
        settings.put("hubwarden.hubs.meta.api-version", MetaSimulator.VERSION);
        // Scenarios start their syncs themselves.
        settings.put("hubwarden.hubs.sync.schedule", "-");
        settings.put("hubwarden.log-format", "text");
        settings.put("logging.level.root", "WARN");
        var arguments = new ArrayList<String>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(options.serverArguments());
        return arguments.toArray(String[]::new);
    }

    <T> T bean(Class<T> type) {
        return server.getBean(type);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    /** A {@code select count(*)} of the server's database. */
    int count(String sql, Object... arguments) {
        Integer count = jdbc().queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

    DataSource dataSource() {
        return server.getBean(DataSource.class);
    }

    Database database() {
        return database;
    }

    Mailbox mailbox() {
        return mailbox;
    }

    MetaSimulator meta() {
        return meta;
    }

    URI serverUrl() {
        return serverUrl;
    }

    @Override
    public void close() {
        server.close();
        meta.close();
        mailbox.close();
        database.close();
    }
}
