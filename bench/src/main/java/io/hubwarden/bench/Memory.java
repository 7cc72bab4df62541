package io.hubwarden.bench;

import java.io.IOException;

/**
 * The resident set size after the fan-out (1 000 people) and the cards scenario have run in one process. The process
 * also holds the simulator, the mailbox with every mail it received and the load generator, so the figure is an upper
 * bound of the server's own.
 */
final class Memory {

    static final double TARGET_RSS_MIB = 400;

    private Memory() {}

    static void run(Options options, Report report) throws IOException, InterruptedException {
        try (var stack = Stack.start(options)) {
            report.machine("memory", stack.database().kind(), stack.dataSource());
            report.figure("RSS after start", MemoryWatch.rssMib(), "MiB");
            FanOut.run(stack, options.with("people", options.text("people", "1000")), report);
            Cards.run(stack, options.with("rates", options.text("rates", "1000,2000")), report);
            stack.mailbox().clear();
            report.figure("live heap after the scenarios (whole process)", MemoryWatch.liveHeapMib(), "MiB");
            report.figure("peak RSS (whole process)", MemoryWatch.peakRssMib(), "MiB");
            report.atMost("RSS after the scenarios (whole process)", MemoryWatch.rssMib(), TARGET_RSS_MIB, "MiB");
        }
    }
}
