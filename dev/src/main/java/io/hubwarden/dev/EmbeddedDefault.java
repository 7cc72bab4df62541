package io.hubwarden.dev;

import io.hubwarden.Hubwarden;
import io.hubwarden.connector.HubKind;
import io.hubwarden.simulator.mail.Mailbox;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import io.hubwarden.workspace.Workspaces;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default in one JVM: the mailbox, the Meta simulator with the demo business, the TikTok simulator with
 * the demo Business Center, and the server on an H2 file database in the data directory, with the demo workspace.
 * Everything listens on 127.0.0.1 only.
 */
final class EmbeddedDefault implements AutoCloseable {

    private static final String SUGGESTION = "hubwarden.dashboard.connect-suggestion.hubs";

    private final Mailbox mailbox;
    private final MetaSimulator meta;
    private final DemoBusiness demoBusiness;
    private final TikTokSimulator tiktok;
    private final DemoBusinessCenter demoCenter;
    private final ConfigurableApplicationContext server;
    private final DemoWorkspace workspace;
    private final URI serverUrl;
    private final Path dataDirectory;

    private EmbeddedDefault(
            Mailbox mailbox,
            MetaSimulator meta,
            DemoBusiness demoBusiness,
            TikTokSimulator tiktok,
            DemoBusinessCenter demoCenter,
            ConfigurableApplicationContext server,
            DemoWorkspace workspace,
            URI serverUrl,
            Path dataDirectory) {
        this.mailbox = mailbox;
        this.meta = meta;
        this.demoBusiness = demoBusiness;
        this.tiktok = tiktok;
        this.demoCenter = demoCenter;
        this.server = server;
        this.workspace = workspace;
        this.serverUrl = serverUrl;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts everything; on failure, stops what had started and rethrows.
     *
     * @throws java.io.UncheckedIOException when a port of the mailbox or the simulator is taken
     */
    static EmbeddedDefault start(DevOptions options) {
        var serverUrl = URI.create("http://127.0.0.1:" + options.port());
        @Nullable Mailbox mailbox = null;
        @Nullable MetaSimulator meta = null;
        @Nullable TikTokSimulator tiktok = null;
        @Nullable ConfigurableApplicationContext server = null;
        try {
            mailbox = Mailbox.start(options.smtpPort(), options.mailboxPort());
            meta = MetaSimulator.start(MetaSimulator.Options.defaults()
                    .withPort(options.metaPort())
                    .withHttpsPort(options.metaHttpsPort())
                    .withSmtp("127.0.0.1", mailbox.smtpPort()));
            var demoBusiness = DemoBusiness.seed(meta, serverUrl);
            tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults()
                    .withPort(options.tiktokPort())
                    .withSmtp("127.0.0.1", mailbox.smtpPort()));
            var demoCenter = DemoBusinessCenter.seed(tiktok, serverUrl);
            var application = new SpringApplication(Hubwarden.class);
            var settings = settings(options, serverUrl, mailbox, meta, demoBusiness);
            settings.putAll(tiktokSettings(tiktok, demoCenter));
            application.addListeners(new EmbeddedSettings(settings));
            server = application.run(options.serverArguments().toArray(String[]::new));
            var workspace =
                    DemoWorkspace.ensure(server.getBean(Workspaces.class), options.dataDirectory(), new SecureRandom());
            var started = new EmbeddedDefault(
                    mailbox,
                    meta,
                    demoBusiness,
                    tiktok,
                    demoCenter,
                    server,
                    workspace,
                    serverUrl,
                    options.dataDirectory());
            mailbox = null;
            meta = null;
            tiktok = null;
            server = null;
            return started;
        } finally {
            if (server != null) {
                server.close();
            }
            if (tiktok != null) {
                tiktok.close();
            }
            if (meta != null) {
                meta.close();
            }
            if (mailbox != null) {
                mailbox.close();
            }
        }
    }

    /** The server's settings: everything production reads from the environment, pointed at the embedded parts. */
    static Map<String, Object> settings(
            DevOptions options, URI serverUrl, Mailbox mailbox, MetaSimulator meta, DemoBusiness demoBusiness) {
        var data = options.dataDirectory();
        var settings = new HashMap<String, Object>();
        settings.put("server.address", "127.0.0.1");
        settings.put("server.port", String.valueOf(options.port()));
        // DB_CLOSE_ON_EXIT=FALSE: the server closes the pool on shutdown; H2's own hook would close it under its feet.
        settings.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + data.resolve("hubwarden")
                        + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        settings.put("spring.datasource.username", "sa");
        settings.put("spring.datasource.password", "");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mailbox.smtpPort()));
        settings.put("spring.mail.username", "");
        settings.put("spring.mail.password", "");
        settings.put("hubwarden.public-url", serverUrl.toString());
        settings.put("hubwarden.mail.from", "Hubwarden <hubwarden@acme.test>");
        settings.put("hubwarden.secrets.master-key", "");
        settings.put(
                "hubwarden.secrets.master-key-file",
                data.resolve("master-key.json").toString());
        settings.put("hubwarden.secrets.generate-dev-key", "true");
        var simulator = meta.baseUrl().toString();
        settings.put("hubwarden.hubs.meta.app-id", demoBusiness.appId());
        settings.put("hubwarden.hubs.meta.app-secret", demoBusiness.appSecret());
        settings.put("hubwarden.hubs.meta.graph-url", simulator);
        settings.put("hubwarden.hubs.meta.dialog-url", simulator);
        settings.put("hubwarden.hubs.meta.business-url", simulator);
        settings.put("hubwarden.hubs.meta.api-version", MetaSimulator.VERSION);
        // The connect wizard suggests the demo business, so that connecting it takes only the Facebook sign-in.
        settings.put("hubwarden.dashboard.connect-suggestion.kind", HubKind.META_BUSINESS_MANAGER.name());
        settings.put(
                SUGGESTION + "[" + HubKind.META_BUSINESS_MANAGER + "].label",
                demoBusiness.business().name());
        settings.put(
                SUGGESTION + "[" + HubKind.META_BUSINESS_MANAGER + "].settings[business_id]",
                demoBusiness.business().id());
        settings.put("hubwarden.log-format", "text");
        // A quiet console, so that the sign-in banner is what a newcomer sees; warnings and errors still show.
        settings.put("logging.level.root", "WARN");
        return settings;
    }

    /** The server's settings for the TikTok app, pointed at the embedded TikTok simulator. */
    static Map<String, Object> tiktokSettings(TikTokSimulator tiktok, DemoBusinessCenter demoCenter) {
        var simulator = tiktok.baseUrl().toString();
        var settings = new HashMap<String, Object>();
        settings.put("hubwarden.hubs.tiktok.app-id", demoCenter.appId());
        settings.put("hubwarden.hubs.tiktok.secret", demoCenter.secret());
        settings.put("hubwarden.hubs.tiktok.api-url", simulator);
        settings.put("hubwarden.hubs.tiktok.auth-url", simulator + "/portal/auth");
        settings.put("hubwarden.hubs.tiktok.business-url", simulator);
        // Choosing TikTok in the connect wizard fills in the demo Business Center, so that only the sign-in is left.
        var center = demoCenter.businessCenter();
        settings.put(SUGGESTION + "[" + HubKind.TIKTOK_BUSINESS_CENTER + "].label", center.name());
        settings.put(SUGGESTION + "[" + HubKind.TIKTOK_BUSINESS_CENTER + "].settings[bc_id]", center.bcId());
        return settings;
    }

    URI serverUrl() {
        return serverUrl;
    }

    URI mailboxUrl() {
        return Objects.requireNonNull(mailbox.webUrl(), "the embedded default always serves the mailbox page");
    }

    Mailbox mailbox() {
        return mailbox;
    }

    MetaSimulator meta() {
        return meta;
    }

    DemoBusiness demoBusiness() {
        return demoBusiness;
    }

    TikTokSimulator tiktok() {
        return tiktok;
    }

    DemoBusinessCenter demoCenter() {
        return demoCenter;
    }

    DemoWorkspace workspace() {
        return workspace;
    }

    ConfigurableApplicationContext server() {
        return server;
    }

    /** What a newcomer needs to try the flow, as printed on start. */
    String banner(Duration startedIn) {
        var owner = demoBusiness.owner();
        var colleague = demoBusiness.colleague();
        var business = demoBusiness.business();
        return String.join(
                System.lineSeparator(),
                "",
                String.format(
                        Locale.ROOT,
                        "  Hubwarden is running at %s (started in %.1f s)",
                        serverUrl,
                        startedIn.toMillis() / 1000.0),
                "",
                "    Owner       " + workspace.ownerEmail() + " / " + workspace.ownerPassword(),
                "    Colleague   " + workspace.colleagueEmail() + " (sets a password from the invitation mail)",
                "    Mailbox     " + mailboxUrl(),
                "    Meta        " + meta.baseUrl() + " (business \"" + business.name() + "\", id " + business.id()
                        + ")",
                "      Facebook sign-in with Full control  " + owner.email() + " / " + owner.password(),
                "      Facebook sign-in of the colleague   " + colleague.email() + " / " + colleague.password(),
                "    TikTok      " + tiktok.baseUrl() + " (Business Center \""
                        + demoCenter.businessCenter().name() + "\", id "
                        + demoCenter.businessCenter().bcId() + ")",
                "      TikTok sign-in as Admin             " + owner.email() + " / " + owner.password(),
                "      TikTok sign-in of the colleague     " + colleague.email() + " / " + colleague.password(),
                "",
                "  Data lives in " + dataDirectory + " (delete it to start afresh). Stop with Ctrl+C.",
                "");
    }

    /** Stops the server, then the simulators and the mailbox. Idempotent. */
    @Override
    public void close() {
        server.close();
        tiktok.close();
        meta.close();
        mailbox.close();
    }
}
