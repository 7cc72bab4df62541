package io.hubwarden.bench;

import java.util.Arrays;

/**
 * Runs one scenario: {@code java -jar bench/target/bench.jar <scenario> [--option=value ...]}. See the README's
 * "Benchmarks" section for each scenario's options and targets.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar bench/target/bench.jar fanout|sync|cards|memory|micro [--option=value]"
                    + " (see README, Benchmarks)");
            System.exit(2);
        }
        var rest = Arrays.asList(args).subList(1, args.length);
        var report = new Report(System.out);
        switch (args[0]) {
            case "fanout":
                FanOut.run(Options.parse(rest), report);
                break;
            case "sync":
                SyncScenario.run(Options.parse(rest), report);
                break;
            case "cards":
                Cards.run(Options.parse(rest), report);
                break;
            case "memory":
                Memory.run(Options.parse(rest), report);
                break;
            case "micro":
                Micro.run(rest.toArray(String[]::new));
                break;
            default:
                System.err.println("unknown scenario " + args[0] + "; one of fanout, sync, cards, memory, micro");
                System.exit(2);
        }
        // The server's and the simulators' non-daemon threads are closed by now; exit regardless.
        System.exit(0);
    }
}
