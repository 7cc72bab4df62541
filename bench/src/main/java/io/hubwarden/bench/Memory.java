package io.hubwarden.bench;

import java.io.IOException;
import java.util.Objects;

/**
 * The server's resident set size after the fan-out (1 000 people) and the cards scenario have run against it. The
 * server runs in a JVM of its own, started with production's JVM options ({@link ServerProcess#DEFAULT_JVM_OPTIONS}
 * unless {@code --jvm="..."} gives others), so the figures are the server's alone: the simulator, the mailbox and the
 * load generator stay in the bench's JVM. They are read from the server's {@code /proc/<pid>/status}: {@code VmRSS}
 * now, {@code VmHWM} for the peak. With {@code -XX:NativeMemoryTracking=summary} among the JVM options, the JVM's own
 * account of that memory by category follows.
 */
final class Memory {

    static final double TARGET_RSS_MIB = 400;

    private Memory() {}

    static void run(Options options, Report report) throws IOException, InterruptedException {
        try (var stack = Stack.startProcess(options, options.text("jvm", ServerProcess.DEFAULT_JVM_OPTIONS))) {
            var server = Objects.requireNonNull(stack.process(), "the server runs in its own process");
            report.machine(
                    "memory, the server in a JVM of its own", stack.database().kind(), stack.dataSource());
            report.line("  server JVM: pid %d, options: %s", server.pid(), String.join(" ", server.jvmOptions()));
            report.figure("server RSS after start", server.rssMib(), "MiB");
            FanOut.run(stack, options.with("people", options.text("people", "1000")), report);
            report.figure("server RSS after the fan-out", server.rssMib(), "MiB");
            Cards.run(stack, options.with("rates", options.text("rates", "1000,2000")), report);
            report.line("== memory, the server in a JVM of its own (pid %d)", server.pid());
            report.atMost("server RSS after the cards (VmRSS)", server.rssMib(), TARGET_RSS_MIB, "MiB");
            report.atMost("server peak RSS (VmHWM)", server.peakRssMib(), TARGET_RSS_MIB, "MiB");
            var nativeMemory = server.nativeMemory();
            if (!nativeMemory.isEmpty()) {
                report.line("  where it goes (jcmd VM.native_memory summary, MiB):");
                nativeMemory.forEach(line -> report.line("    %s", line));
            }
        }
    }
}
