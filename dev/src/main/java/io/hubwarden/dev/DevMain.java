package io.hubwarden.dev;

import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * {@code ./hubwarden dev}: the mailbox, the Meta simulator with the demo business and the server with the demo
 * workspace, in this JVM, until it is stopped. Options are described in {@link DevOptions}.
 */
public final class DevMain {

    private DevMain() {}

    public static void main(String[] args) {
        var began = System.nanoTime();
        DevOptions options;
        EmbeddedDefault embedded;
        try {
            options = DevOptions.parse(args, System.getenv());
            embedded = EmbeddedDefault.start(options);
        } catch (IllegalArgumentException | UncheckedIOException cannotStart) {
            var cause = cannotStart.getCause();
            System.err.println("Hubwarden cannot start: " + cannotStart.getMessage()
                    + (cause == null ? "" : " (" + cause.getMessage() + ")"));
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "hubwarden-dev-stop"));
        System.out.println(embedded.banner(Duration.ofNanos(System.nanoTime() - began)));
    }
}
