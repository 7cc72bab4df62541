package io.hubwarden.hub;

import io.hubwarden.TestMailbox;
import io.hubwarden.simulator.tiktok.TikTokApp;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The TikTok simulator of this test JVM, like {@link TestMetaSimulator}: started on a free port on first use with
 * Hubwarden's app registered (the same redirect URIs) and its invitation mail going to {@link TestMailbox}, closed
 * when the JVM ends. Tests seed their own Business Centers and accounts.
 */
public final class TestTikTokSimulator {

    public static final String APP_ID = "7000000000000000001";
    public static final String SECRET = "simulated-tiktok-secret";

    private static @Nullable TikTokSimulator simulator;

    private TestTikTokSimulator() {}

    public static synchronized TikTokSimulator get() {
        if (simulator == null) {
            var started = TikTokSimulator.start(TikTokSimulator.Options.defaults()
                    .withSmtp("127.0.0.1", TestMailbox.get().smtpPort()));
            started.seedApp(new TikTokApp(
                    APP_ID,
                    SECRET,
                    "Hubwarden",
                    List.of(TestMetaSimulator.SERVICE_REDIRECT, TestMetaSimulator.PROFILE_REDIRECT)));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            simulator = started;
        }
        return simulator;
    }
}
