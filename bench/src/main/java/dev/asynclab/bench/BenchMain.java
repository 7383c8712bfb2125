package dev.asynclab.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/// Runs every benchmark in one process, so each figure is compared with a baseline measured in the same run.
///
/// `java -jar benchmarks.jar` or `all`: the JMH benchmarks, then timeout lateness and simulation throughput.
/// `lateness` or `simulation`: only that one.
/// Anything else is JMH's own command line (e.g. `RoundTrip -f 1`). After the JMH benchmarks, each figure the
/// goals name is printed against its baseline of the same run, as a ratio, met or not (`[goal]` lines).
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        switch (what) {
            case "all" -> {
                GoalReport.print(new Runner(new OptionsBuilder().include("dev.asynclab.bench.*Benchmark.*").build())
                        .run());
                TimeoutLateness.main(new String[0]);
                SimulationThroughput.main(new String[0]);
            }
            case "lateness" -> TimeoutLateness.main(new String[0]);
            case "simulation" -> SimulationThroughput.main(new String[0]);
            default -> {
                // JMH's own command line, run here so that its results can be judged against the goals after.
                var options = new CommandLineOptions(args);
                if (options.shouldHelp() || options.shouldList() || options.shouldListProfilers()
                        || options.shouldListResultFormats() || options.shouldListWithParams()) {
                    org.openjdk.jmh.Main.main(args);
                    return;
                }
                try {
                    GoalReport.print(new Runner(options).run());
                } catch (org.openjdk.jmh.runner.RunnerException e) {
                    System.err.println("benchmarks: " + e); // its toString says what went wrong; its message may be null
                    System.exit(1);
                }
            }
        }
    }
}
