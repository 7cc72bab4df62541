package io.hubwarden.bench;

import java.io.IOException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The JMH micro benchmarks of this module: {@link MatchingBenchmark} and the membership state machine's
 * {@code io.hubwarden.access.MembershipTransitionsBenchmark}. Without arguments they run with a short, fixed setup
 * (one fork, 3 warm-up and 5 measured iterations of 1 s); any arguments go to JMH's own command line instead.
 */
final class Micro {

    private Micro() {}

    static void run(String[] arguments) throws IOException, RunnerException {
        if (arguments.length > 0) {
            org.openjdk.jmh.Main.main(arguments);
            return;
        }
        System.out.printf(
                "== micro | %d cores | %s %s | load %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Report.loadAverage());
        org.openjdk.jmh.Main.main(new String[] {"-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "Benchmark"});
    }
}
