package dev.asynclab.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/// Runs every benchmark in one process, so each figure is compared with a baseline measured in the same run.
///
/// `java -jar benchmarks.jar` or `all`: the JMH benchmarks, then timeout lateness and simulation throughput.
/// `lateness` or `simulation`: only that one.
/// Anything else is handed to JMH's own command line (e.g. `RoundTrip -f 1`).
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        switch (what) {
            case "all" -> {
                new Runner(new OptionsBuilder().include("dev.asynclab.bench.*Benchmark.*").build()).run();
                TimeoutLateness.main(new String[0]);
                SimulationThroughput.main(new String[0]);
            }
            case "lateness" -> TimeoutLateness.main(new String[0]);
            case "simulation" -> SimulationThroughput.main(new String[0]);
            default -> org.openjdk.jmh.Main.main(args);
        }
    }
}
