package io.hubwarden.bench;

import io.hubwarden.Hubwarden;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server in a JVM of its own, started as production starts it ({@code java <options> ... io.hubwarden.Hubwarden
 * --settings}), so that its resident set size and CPU time are the server's alone: the simulator, the mailbox and the
 * load generator stay in the bench's JVM. It loads the jars the server's jar sits beside, less the bench's own.
 */
final class ServerProcess implements AutoCloseable {

    /**
     * The JVM options of production assumed unless {@code --jvm="..."} says otherwise: a heap of at most 512 MiB (what
     * the sync target allows) that starts at 64 MiB, the serial collector (a server of this size has one or two cores,
     * where a concurrent collector's threads and remembered sets cost more than they save), and a heap that gives
     * memory back after a burst instead of keeping its high-water mark. Without {@code -Xms} the heap would start at
     * 1/64 of the machine's memory and never shrink below it: the figure would then measure the machine, not the
     * server (on 24 GiB, 377 MiB of heap committed from the start).
     */
    static final String DEFAULT_JVM_OPTIONS =
            "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25";

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Pattern BENCH_ONLY = Pattern.compile("(simulators|jmh-core|jopt-simple|commons-math3)-");

    private final Process process;
    private final List<String> jvmOptions;
    private final Path log;

    private ServerProcess(Process process, List<String> jvmOptions, Path log) {
        this.process = process;
        this.jvmOptions = jvmOptions;
        this.log = log;
    }

    /** Starts the server listening at {@code url} and returns once it answers there. */
    static ServerProcess start(String jvmOptions, List<String> arguments, URI url)
            throws IOException, InterruptedException {
        var options = Arrays.stream(jvmOptions.strip().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(classPath());
        command.add(Hubwarden.class.getName());
        command.addAll(arguments);
        var log = Files.createTempFile("hubwarden-bench-server-", ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // Should the bench be stopped before it closes the server, the server goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-server-stop"));
        var server = new ServerProcess(process, options, log);
        boolean ready = false;
        try {
            server.awaitReady(url);
            ready = true;
            return server;
        } finally {
            if (!ready) {
                server.close();
            }
        }
    }

    long pid() {
        return process.pid();
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** CPU seconds the server has used so far, all its threads together. */
    double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(cpu -> cpu.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    double rssMib() {
        return MemoryWatch.rssMib(process.pid());
    }

    double peakRssMib() {
        return MemoryWatch.peakRssMib(process.pid());
    }

    /**
     * The server's native memory by category, committed and reserved ({@code jcmd <pid> VM.native_memory summary}),
     * when its JVM options turn on {@code -XX:NativeMemoryTracking}; otherwise nothing.
     */
    List<String> nativeMemory() throws IOException, InterruptedException {
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-XX:NativeMemoryTracking="))) {
            return List.of();
        }
        var jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(process.pid()),
                        "VM.native_memory",
                        "summary",
                        "scale=MB")
                .redirectErrorStream(true)
                .start();
        var output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("Total:") || line.startsWith("- "))
                .map(line -> line.replaceFirst("^-\\s+", ""))
                .toList();
    }

    /** Stops the server as production's service manager would (SIGTERM, then a graceful shutdown). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless.
        }
    }

    private void awaitReady(URI url) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var signIn = HttpRequest.newBuilder(url.resolve("/sign-in"))
                .timeout(Duration.ofSeconds(10))
                .build();
        var deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the server stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (http.send(signIn, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer within " + START_LIMIT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    /** The jars beside the server's (the bench jar's {@code lib/}) without the bench's own, or this JVM's class path. */
    private static String classPath() throws IOException {
        Path server;
        try {
            server = Path.of(Hubwarden.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the server's classes have no file", e);
        }
        var directory = server.getParent();
        if (!Files.isRegularFile(server) || directory == null) {
            return System.getProperty("java.class.path");
        }
        try (var files = Files.list(directory)) {
            return files.filter(jar -> {
                        var name = String.valueOf(jar.getFileName());
                        return name.endsWith(".jar")
                                && !BENCH_ONLY.matcher(name).lookingAt();
                    })
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }
}
