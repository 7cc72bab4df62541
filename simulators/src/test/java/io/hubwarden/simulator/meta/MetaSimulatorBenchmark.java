package io.hubwarden.simulator.meta;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many 100-item {@code business_users} pages the simulator serves per second on loopback. Not a test (surefire
 * does not pick it up); run it with
 * {@code ./mvnw -q -o -pl simulators exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.hubwarden.simulator.meta.MetaSimulatorBenchmark -Dexec.args="8 10 15"} (client threads, seconds measured, seconds of warm-up
 * first, so that the JIT has compiled the hot paths).
 */
public final class MetaSimulatorBenchmark {

    private MetaSimulatorBenchmark() {}

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        PrintStream out = System.out;
        try (MetaSimulator meta = MetaSimulator.start(
                MetaSimulator.Options.defaults().withHttpsPort(-1).withCallsPerHour(Integer.MAX_VALUE))) {
            MetaDemo demo = MetaDemo.seed(meta);
            for (int i = 0; i < 100; i++) {
                meta.seedPerson("bench" + i + "@acme.test", "Bench Person " + i, "pw");
                meta.addBusinessUser(demo.business().id(), "bench" + i + "@acme.test", "EMPLOYEE");
            }
            String token = meta.userToken("olive@acme.test", MetaDemo.APP_ID, Set.of("business_management"));
            URI page = URI.create(meta.baseUrl() + "/v25.0/" + demo.business().id()
                    + "/business_users?limit=100&fields=id,name,email,role&access_token=" + token);
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString())
                    .body();

            run(page, clients, Duration.ofSeconds(warmup));
            long cpuBefore = cpuNanos();
            AtomicLong[] result = run(page, clients, Duration.ofSeconds(seconds));
            long cpu = cpuNanos() - cpuBefore;

            out.printf(
                    "%d clients, %d s: %d pages of 100 business users (%d bytes each), %.0f requests/s, %d failures,"
                            + " %.2f ms of CPU per request (server and client, this process)%n",
                    clients,
                    seconds,
                    result[0].get(),
                    body.length(),
                    result[0].get() / (double) seconds,
                    result[1].get(),
                    cpu / 1e6 / Math.max(1, result[0].get()));
        }
    }

    /**
     * Keep-alive HTTP/1.1 over plain sockets, so that the client spends as little of the shared CPU as possible and
     * the figure is the simulator's.
     */
    private static AtomicLong[] run(URI page, int clients, Duration duration) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        byte[] request = ("GET " + page.getRawPath() + "?" + page.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + page.getPort() + "\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", page.getPort())) {
                    socket.setTcpNoDelay(true);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65536));
                    OutputStream out = socket.getOutputStream();
                    while (System.nanoTime() < end) {
                        out.write(request);
                        out.flush();
                        (readResponse(in) == 200 ? ok : failed).incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new AtomicLong[] {ok, failed};
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int readResponse(DataInputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
