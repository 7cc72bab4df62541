package io.hubwarden.simulator;

import io.hubwarden.simulator.mail.Mailbox;
import io.hubwarden.simulator.meta.MetaDemo;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.simulator.tiktok.TikTokDemo;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the mailbox and both hub simulators, Meta and TikTok, with their demo seeds until the process is stopped:
 *
 * <pre>{@code
 * ./mvnw -q -pl simulators exec:java -Dexec.args="--port 8090 --https-port 8443 --tiktok-port 8095 --smtp-port 2525 --mailbox-port 8025"
 * }</pre>
 *
 * Every option is optional (the values above are the defaults); {@code --no-demo} starts empty.
 */
public final class SimulatorMain {

    private static final Set<String> PORTS =
            Set.of("--port", "--https-port", "--tiktok-port", "--smtp-port", "--mailbox-port");

    private SimulatorMain() {}

    /**
     * Starts everything and blocks until interrupted.
     *
     * @throws InterruptedException never in normal use: the process is stopped by a signal
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        PrintStream out = System.out;
        Mailbox mailbox = Mailbox.start(port(options, "--smtp-port", 2525), port(options, "--mailbox-port", 8025));
        MetaSimulator meta = MetaSimulator.start(MetaSimulator.Options.defaults()
                .withPort(port(options, "--port", 8090))
                .withHttpsPort(port(options, "--https-port", 8443))
                .withSmtp("127.0.0.1", mailbox.smtpPort()));
        TikTokSimulator tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults()
                .withPort(port(options, "--tiktok-port", 8095))
                .withSmtp("127.0.0.1", mailbox.smtpPort()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tiktok.close();
            meta.close();
            mailbox.close();
            stopped.countDown();
        }));
        out.println("Mailbox: SMTP 127.0.0.1:" + mailbox.smtpPort() + ", web " + mailbox.webUrl());
        out.println("Meta simulator: " + meta.baseUrl() + " (HTTPS " + meta.httpsBaseUrl() + "), control API "
                + meta.baseUrl() + "/__sim/");
        out.println("TikTok simulator: " + tiktok.baseUrl() + TikTokSimulator.API_PREFIX + "/, control API "
                + tiktok.baseUrl() + "/__sim/");
        if (!options.containsKey("--no-demo")) {
            print("Meta", MetaDemo.seed(meta).summary(), out);
            print("TikTok", TikTokDemo.seed(tiktok).summary(), out);
        }
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void print(String hub, List<String> summary, PrintStream out) {
        out.println();
        out.println("== " + hub + " demo ==");
        summary.forEach(out::println);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-demo")) {
                options.put(name, "");
            } else if (PORTS.contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + name + "; use --port, --https-port,"
                        + " --tiktok-port, --smtp-port, --mailbox-port (0 = any free port) or --no-demo");
            }
        }
        return options;
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " needs a port number, not " + value, notANumber);
        }
    }
}
