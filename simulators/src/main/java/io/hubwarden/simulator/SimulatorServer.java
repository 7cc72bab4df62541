package io.hubwarden.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP plumbing every simulated hub shares: an HTTP listener and optionally an HTTPS one, both on 127.0.0.1, that
 * hand every request to one handler on a bounded pool of worker threads. A handler that throws answers 500 with the
 * exception's message, so a simulator bug shows up in the client's test rather than as a hung connection.
 */
public final class SimulatorServer implements AutoCloseable {

    static {
        avoidDelayedAcks();
    }

    private final HttpServer http;
    private final @Nullable HttpsServer https;
    private final ThreadPoolExecutor workers;

    private SimulatorServer(HttpServer http, @Nullable HttpsServer https, ThreadPoolExecutor workers) {
        this.http = http;
        this.https = https;
        this.workers = workers;
    }

    /**
     * Starts listening.
     *
     * @param name names the worker threads
     * @param httpPort the HTTP port; 0 picks a free one
     * @param httpsPort the HTTPS port; 0 picks a free one, -1 opens no HTTPS listener
     * @param tls the server's TLS context; required when {@code httpsPort >= 0}
     * @param threads how many requests are answered at once; more wait in a queue
     * @param handler answers each request
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static SimulatorServer start(
            String name,
            int httpPort,
            int httpsPort,
            @Nullable SSLContext tls,
            int threads,
            Function<IncomingRequest, Reply> handler) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4096),
                task -> {
                    Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        workers.allowCoreThreadTimeOut(true);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer http = null;
        HttpsServer https = null;
        try {
            http = HttpServer.create(new InetSocketAddress(loopback, httpPort), 256);
            serve(http, "http", handler, workers);
            if (httpsPort >= 0) {
                if (tls == null) {
                    throw new IllegalArgumentException("an HTTPS listener needs a TLS context");
                }
                https = HttpsServer.create(new InetSocketAddress(loopback, httpsPort), 256);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                serve(https, "https", handler, workers);
            }
        } catch (IOException e) {
            if (http != null) {
                http.stop(0);
            }
            workers.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + httpPort + "/" + httpsPort, e);
        }
        http.start();
        if (https != null) {
            https.start();
        }
        return new SimulatorServer(http, https, workers);
    }

    /**
     * Turns on TCP_NODELAY in the JDK's HTTP server, unless configured otherwise. Without it, a response written in
     * two pieces waits for the client's delayed ACK, about 40 ms per request on Linux. The JDK reads the setting
     * once, when its first HTTP server starts, so this must run before any is created in the JVM.
     */
    public static void avoidDelayedAcks() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The HTTP listener's origin, e.g. {@code http://127.0.0.1:8090}. */
    public URI httpOrigin() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** The HTTPS listener's origin, or null when there is none. */
    public @Nullable URI httpsOrigin() {
        HttpsServer listener = https;
        return listener == null
                ? null
                : URI.create("https://127.0.0.1:" + listener.getAddress().getPort());
    }

    /** Stops both listeners at once, cutting requests in flight. Idempotent. */
    @Override
    public void close() {
        http.stop(0);
        HttpsServer listener = https;
        if (listener != null) {
            listener.stop(0);
        }
        workers.shutdownNow();
    }

    private static void serve(
            HttpServer server, String scheme, Function<IncomingRequest, Reply> handler, ThreadPoolExecutor workers) {
        server.setExecutor(workers);
        server.createContext("/", exchange -> answer(exchange, scheme, handler));
    }

    private static void answer(HttpExchange exchange, String scheme, Function<IncomingRequest, Reply> handler)
            throws IOException {
        try (exchange) {
            URI origin = URI.create(
                    scheme + "://127.0.0.1:" + exchange.getLocalAddress().getPort());
            Reply reply;
            try {
                IncomingRequest request = IncomingRequest.parse(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        exchange.getRequestHeaders(),
                        exchange.getRequestBody(),
                        origin);
                reply = handler.apply(request);
            } catch (IOException unreadable) {
                reply = Reply.text(400, "Unreadable request: " + unreadable.getMessage());
            } catch (RuntimeException bug) {
                reply = Reply.text(500, "Simulator failure: " + bug);
            }
            send(exchange, reply);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (!reply.contentType().isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (bytes.length == 0 || head) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
