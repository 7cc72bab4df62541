package io.hubwarden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who spent the CPU of a window: the simulators' threads (the outside world, whose work the real hubs do on their own
 * machines), the process's other threads (the server, and the bench's own), what no thread of the process shows (the
 * JIT compiler and the garbage collector), and PostgreSQL's processes on this machine. The threads are sampled every
 * 50 ms, so that one that ends inside the window (a sync's readers do) still counts up to its last sample.
 */
final class CpuShares {

    /** Linux reports a process's CPU in clock ticks of 1/100 s on every architecture the bench runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before = new HashMap<>();
    private final Map<Long, Long> latest = new HashMap<>();
    private final Map<Long, Boolean> ofSimulators = new HashMap<>();
    private final double processBefore;
    private final double postgresBefore;
    private final double compilingBefore;
    private final double collectingBefore;
    private final Sampler sampler;

    private CpuShares() {
        sample(before);
        processBefore = MemoryWatch.cpuSeconds();
        postgresBefore = postgresSeconds();
        compilingBefore = compilingSeconds();
        collectingBefore = collectingSeconds();
        sampler = new Sampler("bench-cpu-shares", 50, () -> sample(latest));
    }

    static CpuShares start() {
        return new CpuShares();
    }

    /** The shares since {@link #start()}, in CPU seconds; stops sampling. */
    Split split() {
        sampler.stop();
        sample(latest);
        double process = MemoryWatch.cpuSeconds() - processBefore;
        double postgres = postgresSeconds() - postgresBefore;
        long simulators = 0;
        long others = 0;
        for (var thread : latest.entrySet()) {
            long spent = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            if (ofSimulators.getOrDefault(thread.getKey(), false)) {
                simulators += spent;
            } else {
                others += spent;
            }
        }
        return new Split(
                simulators / 1e9,
                others / 1e9,
                process - (simulators + others) / 1e9,
                compilingSeconds() - compilingBefore,
                collectingSeconds() - collectingBefore,
                postgres);
    }

    private synchronized void sample(Map<Long, Long> into) {
        for (long id : THREADS.getAllThreadIds()) {
            long spent = THREADS.getThreadCpuTime(id);
            if (spent < 0) {
                continue;
            }
            into.put(id, spent);
            if (!ofSimulators.containsKey(id)) {
                var info = THREADS.getThreadInfo(id);
                ofSimulators.put(id, info != null && simulator(info.getThreadName()));
            }
        }
    }

    /** The JDK's HTTP server runs the simulators' dispatchers; their workers carry the simulator's name. */
    private static boolean simulator(String thread) {
        return thread.startsWith("meta-simulator")
                || thread.startsWith("tiktok-simulator")
                || thread.equals("HTTP-Dispatcher");
    }

    /** The JIT compiler's time so far, as the JVM counts it (the compiler threads' elapsed time, in all). */
    private static double compilingSeconds() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() / 1e3
                : Double.NaN;
    }

    /** The collectors' time so far, as the JVM counts it: their pauses and cycles, elapsed, not CPU. */
    private static double collectingSeconds() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(collector -> Math.max(0, collector.getCollectionTime()))
                        .sum()
                / 1e3;
    }

    /** CPU seconds of the processes named {@code postgres} so far; 0 where {@code /proc} is missing. */
    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.mapToLong(CpuShares::postgresTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException | UncheckedIOException missing) {
            return 0;
        }
    }

    private static long postgresTicks(Path process) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return 0;
        }
        try {
            var stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            // After the name: state, then 10 fields, then utime and stime (fields 14 and 15 of proc(5)).
            var fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException gone) {
            return 0; // the process ended while it was read, or is not one this reads
        }
    }

    /** CPU seconds of a window by who spent them. */
    record Split(
            double simulators,
            double otherThreads,
            double noThread,
            double compiling,
            double collecting,
            double postgres) {

        void report(Report report, String what, boolean postgresHere) {
            report.figure("  " + what + ": of it the simulator's threads", simulators, "s");
            report.figure("  " + what + ": of it the server's (and bench's) threads", otherThreads, "s");
            report.figure("  " + what + ": of it no thread's (JIT compiler, GC)", noThread, "s");
            report.figure("    " + what + ": the JIT compiler's time", compiling, "s");
            report.figure("    " + what + ": the collectors' time (elapsed)", collecting, "s");
            if (postgresHere) {
                report.figure(what + ": CPU of PostgreSQL's processes", postgres, "s");
            }
        }
    }
}
