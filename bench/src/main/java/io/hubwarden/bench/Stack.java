package io.hubwarden.bench;

import io.hubwarden.Hubwarden;
import io.hubwarden.simulator.mail.Mailbox;
import io.hubwarden.simulator.meta.MetaApp;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a scenario runs against: the mailbox (the server's SMTP relay), the Meta simulator (sending no invitation mail
 * of its own, so that the mailbox holds Hubwarden's mail only) and the server on a free port of 127.0.0.1 with a fresh
 * database, configured as production is, through its settings. The server runs in this JVM, or with {@link
 * #startProcess} in a JVM of its own, which the scenarios then drive over HTTP and reach the database of over JDBC.
 */
final class Stack implements AutoCloseable {

    static final String APP_ID = "4242";
    static final String APP_SECRET = "bench-app-secret";

    /** Where the server says it is; nothing is sent there, since hubs are connected with pasted tokens. */
    private static final URI PUBLIC_URL = URI.create("http://127.0.0.1:8080");

    private final Database database;
    private final Mailbox mailbox;
    private final MetaSimulator meta;
    private final @Nullable ConfigurableApplicationContext server;
    private final @Nullable ServerProcess process;
    private final DataSource dataSource;
    private final URI serverUrl;
    private final Map<String, Browser> browsers = new HashMap<>();

    private Stack(
            Database database,
            Mailbox mailbox,
            MetaSimulator meta,
            @Nullable ConfigurableApplicationContext server,
            @Nullable ServerProcess process,
            DataSource dataSource,
            URI serverUrl) {
        this.database = database;
        this.mailbox = mailbox;
        this.meta = meta;
        this.server = server;
        this.process = process;
        this.dataSource = dataSource;
        this.serverUrl = serverUrl;
    }

    /** The stack with the server in this JVM. */
    static Stack start(Options options) {
        var database = Database.create(options.database());
        @Nullable Mailbox mailbox = null;
        @Nullable MetaSimulator meta = null;
        try {
            mailbox = Mailbox.start(0, -1);
            meta = startMeta(options);
            var application = new SpringApplication(Hubwarden.class);
            var server = application.run(arguments(options, database, mailbox, meta, "0"));
            var port = Objects.requireNonNull(
                    server.getEnvironment().getProperty("local.server.port"), "the server listens on a port");
            var stack = new Stack(
                    database,
                    mailbox,
                    meta,
                    server,
                    null,
                    server.getBean(DataSource.class),
                    URI.create("http://127.0.0.1:" + port));
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

    /**
     * The stack with the server in a JVM of its own, started with {@code jvmOptions}, against a database both
     * processes open (PostgreSQL, or H2 in a file that the server serves).
     */
    static Stack startProcess(Options options, String jvmOptions) throws IOException, InterruptedException {
        var database = Database.create(options.database(), true);
        @Nullable Mailbox mailbox = null;
        @Nullable MetaSimulator meta = null;
        @Nullable ServerProcess process = null;
        boolean started = false;
        try {
            mailbox = Mailbox.start(0, -1);
            meta = startMeta(options);
            int port = freePort();
            var url = URI.create("http://127.0.0.1:" + port);
            process = ServerProcess.start(
                    jvmOptions, List.of(arguments(options, database, mailbox, meta, String.valueOf(port))), url);
            var stack = new Stack(database, mailbox, meta, null, process, database.connect(), url);
            started = true;
            return stack;
        } finally {
            if (!started) {
                if (process != null) {
                    process.close();
                }
                if (meta != null) {
                    meta.close();
                }
                if (mailbox != null) {
                    mailbox.close();
                }
                database.close();
            }
        }
    }

    private static MetaSimulator startMeta(Options options) {
        var meta = MetaSimulator.start(MetaSimulator.Options.defaults()
                .withPort(0)
                .withHttpsPort(-1)
                .withThreads(options.integer("simulator-threads", 8))
                .withCallsPerHour(Integer.MAX_VALUE));
        meta.seedApp(new MetaApp(
                APP_ID,
                APP_SECRET,
                "Hubwarden",
                List.of(PUBLIC_URL.resolve("/hubs/oauth/callback"), PUBLIC_URL.resolve("/profiles/oauth/callback")),
                true));
        return meta;
    }

    /** A port free a moment ago, for a server that is told its port. */
    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Command-line settings rank above every other source, {@code application.yml} and the environment included. */
    private static String[] arguments(
            Options options, Database database, Mailbox mailbox, MetaSimulator meta, String port) {
        Map<String, String> settings = new LinkedHashMap<>(database.settings());
        settings.put("server.address", "127.0.0.1");
        settings.put("server.port", port);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mailbox.smtpPort()));
        settings.put("spring.mail.username", "");
        settings.put("spring.mail.password", "");
        settings.put("hubwarden.public-url", PUBLIC_URL.toString());
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

    /** One of the server's beans; for scenarios that run the server in this JVM only. */
    <T> T bean(Class<T> type) {
        if (server == null) {
            throw new IllegalStateException("the server runs in another process");
        }
        return server.getBean(type);
    }

    /** The server in its own process, or null when it runs in this JVM. */
    @Nullable
    ServerProcess process() {
        return process;
    }

    /** CPU seconds used so far by the server's process: its own, or this JVM, which holds the simulator too. */
    double cpuSeconds() {
        return process == null ? MemoryWatch.cpuSeconds() : process.cpuSeconds();
    }

    /** The session of a person signed in through the sign-in form, for a server in another process. */
    Browser browser(String email) throws IOException, InterruptedException {
        var browser = browsers.get(email);
        if (browser == null) {
            browser = Browser.signIn(serverUrl, email);
            browsers.put(email, browser);
        }
        return browser;
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
        return dataSource;
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
        if (server != null) {
            server.close();
        }
        if (dataSource instanceof SingleConnectionDataSource connection) {
            connection.destroy();
        }
        if (process != null) {
            process.close();
        }
        meta.close();
        mailbox.close();
        database.close();
    }
}
