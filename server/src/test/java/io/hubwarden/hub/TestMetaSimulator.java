package io.hubwarden.hub;

import io.hubwarden.TestMailbox;
import io.hubwarden.simulator.meta.MetaApp;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Meta simulator of this test JVM, the hub every hub test talks to over loopback HTTP: started on a free port on
 * first use with Hubwarden's app registered and its invitation mail going to {@link TestMailbox}, closed when the JVM ends. Tests seed their own businesses and people,
 * so they do not see each other's.
 */
public final class TestMetaSimulator {

    public static final String APP_ID = "1001";
    public static final String APP_SECRET = "simulated-app-secret";
    /** {@code hubwarden.public-url} of the tests plus the service connection's callback. */
    public static final URI SERVICE_REDIRECT = URI.create("http://hubwarden.test/hubs/oauth/callback");

    public static final URI PROFILE_REDIRECT = URI.create("http://hubwarden.test/profiles/oauth/callback");

    private static @Nullable MetaSimulator simulator;

    private TestMetaSimulator() {}

    public static synchronized MetaSimulator get() {
        if (simulator == null) {
            var started = MetaSimulator.start(MetaSimulator.Options.defaults()
                    .withHttpsPort(-1)
                    .withSmtp("127.0.0.1", TestMailbox.get().smtpPort()));
            started.seedApp(
                    new MetaApp(APP_ID, APP_SECRET, "Hubwarden", List.of(SERVICE_REDIRECT, PROFILE_REDIRECT), true));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            simulator = started;
        }
        return simulator;
    }
}
