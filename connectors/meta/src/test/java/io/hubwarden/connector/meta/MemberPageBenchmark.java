package io.hubwarden.connector.meta;

import com.sun.management.OperatingSystemMXBean;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.Secret;
import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

/**
 * Calls per second on one thread for a member page of 100 against the Meta simulator, through the connector and as
 * the same bare HTTP request, so the difference is the connector's own cost (signing, building, parsing, mapping).
 * Client and simulator run in this JVM, so the CPU figures include the simulator's work for both.
 * Not a test: run it by hand, with {@code java -cp <test class path> io.hubwarden.connector.meta.MemberPageBenchmark
 * [warm-up calls] [measured calls]}.
 */
final class MemberPageBenchmark {

    private static final int MEMBERS = 150;

    private MemberPageBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        LoopbackServers.answerWithoutNagleDelay();
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (MetaSimulator meta = MetaSimulator.start(
                MetaSimulator.Options.defaults().withHttpsPort(-1).withCallsPerHour(100_000_000))) {
            MetaSimulatorControl control = new MetaSimulatorControl(meta);
            control.reset();
            for (int i = 0; i < MEMBERS; i++) {
                control.seedMember(EmailAddress.of("member" + i + "@acme.test"), "Member " + i, MetaRoles.EMPLOYEE);
            }
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HubTransport transport = HubTransport.of(http, Clock.systemUTC());
            HubConnector connector = new MetaConnectorProvider().open(control.settings(), transport);
            ServiceCredential credential = control.serviceCredential();
            PageRequest first = PageRequest.first(100);

            Page<HubMember> page = connector.members(credential, first);
            if (page.items().size() != 100) {
                throw new IllegalStateException(
                        "expected a full page, got " + page.items().size());
            }
            HttpRequest bare = HttpRequest.newBuilder(bareUrl(control, transport, credential.token()))
                    .header("Accept", "application/json")
                    .GET()
                    .build();

            for (int i = 0; i < warmUp; i++) {
                connector.members(credential, first);
                http.send(bare, HttpResponse.BodyHandlers.ofString());
            }
            long[] connectorCost = time(measured, () -> connector.members(credential, first));
            long[] bareCost = time(measured, () -> http.send(bare, HttpResponse.BodyHandlers.ofString()));

            System.out.printf(
                    Locale.ROOT,
                    "member page of 100, one thread, %d calls after %d warm-up calls%n"
                            + "  connector : %8.0f calls/s (%7.1f us/call wall, %7.1f us/call CPU of this JVM)%n"
                            + "  bare HTTP : %8.0f calls/s (%7.1f us/call wall, %7.1f us/call CPU of this JVM)%n"
                            + "  connector overhead: %.1f us/call wall, %.1f us/call CPU%n",
                    measured,
                    warmUp,
                    measured / (connectorCost[0] / 1e9),
                    connectorCost[0] / 1e3 / measured,
                    connectorCost[1] / 1e3 / measured,
                    measured / (bareCost[0] / 1e9),
                    bareCost[0] / 1e3 / measured,
                    bareCost[1] / 1e3 / measured,
                    (connectorCost[0] - bareCost[0]) / 1e3 / measured,
                    (connectorCost[1] - bareCost[1]) / 1e3 / measured);
        }
    }

    private static URI bareUrl(MetaSimulatorControl control, HubTransport transport, Secret token) {
        Graph graph = new Graph(MetaSettings.parse(control.settings()), transport);
        return URI.create(control.settings().value("graph_base_url").orElseThrow()
                + "/v25.0/" + control.businessId() + "/business_users?fields=id,name,email,role,tasks&limit=100"
                + "&access_token=" + URLEncoder.encode(token.reveal(), StandardCharsets.UTF_8)
                + "&appsecret_proof=" + graph.proof(token));
    }

    /**
     * Wall-clock and process CPU nanoseconds for the calls. The CPU figure (client and simulator share this JVM)
     * holds up better than wall-clock time on a machine shared with other work.
     */
    private static long[] time(int calls, Call call) throws IOException, InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return new long[] {System.nanoTime() - start, os.getProcessCpuTime() - cpu};
    }

    @FunctionalInterface
    private interface Call {
        void run() throws IOException, InterruptedException;
    }
}
