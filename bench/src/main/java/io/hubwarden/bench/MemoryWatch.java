package io.hubwarden.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use every 10 ms while a scenario runs, for its peak, and reads the process's resident set
 * size from {@code /proc/self/status}. The process holds the server and, beside it, the simulator, the mailbox and
 * the load generator: the figures are upper bounds of the server's own.
 */
final class MemoryWatch implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Sampler sampler;

    private MemoryWatch() {
        sample();
        sampler = new Sampler("bench-memory-watch", 10, this::sample);
    }

    static MemoryWatch start() {
        return new MemoryWatch();
    }

    /** The highest heap use seen, in MiB. */
    double peakHeapMib() {
        sample();
        return peak.get() / 1048576.0;
    }

    @Override
    public void close() {
        sampler.stop();
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
    }

    /** Heap in use after a full collection, in MiB: what the process keeps. */
    static double liveHeapMib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /**
     * CPU seconds this process has used so far, all threads together: on a shared machine a steadier figure than
     * wall time, since it does not grow while other programs hold the cores.
     */
    static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The resident set size now ({@code VmRSS}), in MiB; 0 where {@code /proc} is missing. */
    static double rssMib() {
        return status("self", "VmRSS:");
    }

    /** The highest resident set size so far ({@code VmHWM}), in MiB. */
    static double peakRssMib() {
        return status("self", "VmHWM:");
    }

    /** The resident set size of another process now, in MiB. */
    static double rssMib(long pid) {
        return status(String.valueOf(pid), "VmRSS:");
    }

    /** The highest resident set size of another process so far, in MiB. */
    static double peakRssMib(long pid) {
        return status(String.valueOf(pid), "VmHWM:");
    }

    private static double status(String process, String field) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", process, "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length())
                                    .replace("kB", "")
                                    .strip())
                            / 1024.0;
                }
            }
        } catch (IOException | IndexOutOfBoundsException | NumberFormatException unreadable) {
            return 0;
        }
        return 0;
    }
}
