package io.hubwarden.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP/1.1 load generator over keep-alive loopback sockets, light on the shared CPU: requests are due
 * at a fixed rate, spread over the connections, and each one's latency counts from when it was due, not from when
 * it could be sent, so that a server falling behind shows in the percentiles instead of slowing the generator. A
 * step ends on time: requests still due then are never sent, and the achieved rate falls short of the one asked.
 */
final class LoadGenerator {

    private final URI server;
    private final byte[] request;
    private final boolean conditional;

    LoadGenerator(URI server, String path, String accept, String cookie) {
        this(server, path, accept, cookie, "", null);
    }

    /** With an {@code acceptEncoding}, every request sends it, as a browser sends the codings it can read. */
    LoadGenerator(URI server, String path, String accept, String cookie, String acceptEncoding) {
        this(server, path, accept, cookie, acceptEncoding, null);
    }

    /**
     * With an {@code etag}, every request is conditional ({@code If-None-Match}), as a polling client's, and a 304
     * counts as a success as much as a 200.
     */
    LoadGenerator(
            URI server,
            String path,
            String accept,
            String cookie,
            String acceptEncoding,
            @org.jspecify.annotations.Nullable String etag) {
        this.server = server;
        this.conditional = etag != null;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\nAccept: " + accept
                        + (cookie.isEmpty() ? "" : "\r\nCookie: " + cookie)
                        + (acceptEncoding.isEmpty() ? "" : "\r\nAccept-Encoding: " + acceptEncoding)
                        + (etag == null ? "" : "\r\nIf-None-Match: " + etag)
                        + "\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Holds the rate for the duration over the connections. */
    Result run(int rate, int connections, Duration duration) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        long end = start + duration.toNanos();
        var workers = new ArrayList<Worker>();
        for (int i = 0; i < connections; i++) {
            var worker = new Worker(i, connections, interval, start, end);
            workers.add(worker);
            worker.thread.start();
        }
        long ok = 0;
        long errors = 0;
        var all = new ArrayList<long[]>();
        int total = 0;
        for (var worker : workers) {
            worker.thread.join();
            ok += worker.ok;
            errors += worker.errors;
            var latencies = Arrays.copyOf(worker.latencies, worker.count);
            all.add(latencies);
            total += latencies.length;
        }
        var merged = new long[total];
        int at = 0;
        for (var latencies : all) {
            System.arraycopy(latencies, 0, merged, at, latencies.length);
            at += latencies.length;
        }
        Arrays.sort(merged);
        double seconds = duration.toNanos() / 1e9;
        return new Result(
                rate,
                ok / seconds,
                ok,
                errors,
                percentile(merged, 0.50),
                percentile(merged, 0.99),
                merged.length == 0 ? Double.NaN : merged[merged.length - 1] / 1e6);
    }

    /** Milliseconds. */
    private static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /**
     * @param rate requests per second asked for
     * @param achieved successful requests per second
     * @param p50 milliseconds
     * @param p99 milliseconds
     * @param max milliseconds
     */
    record Result(int rate, double achieved, long ok, long errors, double p50, double p99, double max) {

        boolean held(double p99Limit) {
            return errors == 0 && p99 <= p99Limit && achieved >= rate * 0.95;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%6d/s asked: %8.1f/s done, %d errors, p50 %.2f ms, p99 %.2f ms, max %.1f ms",
                    rate,
                    achieved,
                    errors,
                    p50,
                    p99,
                    max);
        }
    }

    /** One connection's share of the requests: the k-th of n takes every n-th due time. */
    private final class Worker {

        final Thread thread;
        long[] latencies = new long[1024];
        int count;
        long ok;
        long errors;

        Worker(int index, int connections, long interval, long start, long end) {
            this.thread = new Thread(
                    () -> {
                        long due = start + index * interval;
                        long step = interval * connections;
                        @org.jspecify.annotations.Nullable Socket socket = null;
                        @org.jspecify.annotations.Nullable DataInputStream in = null;
                        // A server that falls behind does not stretch the step: what is not sent by its end is lost.
                        while (due < end && System.nanoTime() < end) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            try {
                                if (socket == null || in == null) {
                                    socket = new Socket(server.getHost(), server.getPort());
                                    socket.setTcpNoDelay(true);
                                    in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65536));
                                }
                                OutputStream out = socket.getOutputStream();
                                out.write(request);
                                out.flush();
                                var response = readResponse(in);
                                record(System.nanoTime() - due);
                                if (response.status() == 200 || (conditional && response.status() == 304)) {
                                    ok++;
                                } else {
                                    errors++;
                                }
                                // As browsers do: the server closes a connection after so many requests (Tomcat:
                                // 100) and says so; the next request goes on a new one.
                                if (response.closing()) {
                                    closeQuietly(socket);
                                    socket = null;
                                    in = null;
                                }
                            } catch (IOException broken) {
                                errors++;
                                closeQuietly(socket);
                                socket = null;
                                in = null;
                            }
                            due += step;
                        }
                        closeQuietly(socket);
                    },
                    "bench-load-" + index);
            thread.setDaemon(true);
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    private static void closeQuietly(@org.jspecify.annotations.Nullable Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to do: the connection is dropped either way.
            }
        }
    }

    /** A response's status, and whether the server closes the connection after it. */
    record Response(int status, boolean closing) {}

    /** Reads one response (status line, headers, a Content-Length or chunked body). */
    static Response readResponse(DataInputStream in) throws IOException {
        var status = line(in);
        long length = 0;
        boolean chunked = false;
        boolean closing = false;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
                closing = header.toLowerCase(Locale.ROOT).contains("close");
            } else if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (header.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)
                    && header.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                var size = line(in);
                int semicolon = size.indexOf(';');
                long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (chunk == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    break;
                }
                in.skipNBytes(chunk);
                line(in);
            }
        } else {
            in.skipNBytes(length);
        }
        return new Response(Integer.parseInt(status.split(" ", -1)[1]), closing);
    }

    private static String line(DataInputStream in) throws IOException {
        var line = new StringBuilder();
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

    static List<Integer> defaultRates() {
        return List.of(250, 500, 1000, 2000, 3000, 4000, 5000, 6000, 8000);
    }
}
