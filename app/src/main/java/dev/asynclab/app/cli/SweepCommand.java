package dev.asynclab.app.cli;

import dev.asynclab.lab.metrics.HumanTime;
import dev.asynclab.lab.metrics.LatencyStats;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.PoolSweep;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioScripts;
import dev.asynclab.lab.scenario.SweepTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/// `asynclab sweep FILE --pool 1..32 --target "p99<50ms"`: runs each pool size, prints and writes a table,
/// names the smallest size that meets the target.
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a scenario at each pool size of a range and find the smallest that meets a target.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The scenario file (.yaml).")
    Path file;

    @Option(names = "--pool", required = true, description = "Pool sizes, as FROM..TO (e.g. 1..32).")
    String range;

    @Option(names = "--target", description = "What a size must achieve, e.g. \"p99<50ms\" or "
            + "\"p99<50ms and throughput>180/s\".")
    String target;

    @Option(names = "--real", description = "Run on the real clock (default: simulated, instant).")
    boolean real;

    @picocli.CommandLine.Mixin
    RunFlags flags;

    @Option(names = "--out", description = "Write the table as CSV to this file (default: ${DEFAULT-VALUE}).",
            defaultValue = "asynclab-out/sweep.csv")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        PrintWriter stdout = say.reportWriter();
        flags.check(spec);
        int[] sizes = OptionValues.read(spec, () -> parseRange(range));
        SweepTarget goal = target == null ? null : OptionValues.read(spec, () -> SweepTarget.parse(target));
        InputFiles.scenario(file);
        Scenario scenario = ScenarioLoader.load(file);
        OutputFiles.file(OutputFiles.notAnInput(out, file));
        RunOptions options = flags.options().withClock(real || flags.clock == ClockMode.REAL ? ClockMode.REAL
                : ClockMode.SIMULATED);
        say.step("sweeping %s over pool sizes %d to %d on the %s clock", scenario.name(), sizes[0], sizes[1],
                options.clock().orElseThrow().name().toLowerCase(Locale.ROOT));
        var progress = say.progress("sweeping " + scenario.name());
        int count = sizes[1] - sizes[0] + 1;
        PoolSweep.Result result = PoolSweep.run(scenario, options, sizes[0], sizes[1], ScenarioScripts.shared(),
                (size, summary) -> progress.show((double) (size - sizes[0] + 1) / count, "pool " + size));
        progress.done();

        stdout.printf("%5s %9s %9s %9s %9s %11s %6s %s%n", "pool", "p50", "p95", "p99", "max", "throughput",
                "util", goal == null ? "" : "meets " + goal.text());
        List<String> csv = new ArrayList<>();
        csv.add("pool,p50_ms,p95_ms,p99_ms,max_ms,throughput_per_s,utilization,timed_out,rejected,meets_target");
        for (PoolSweep.Row row : result.rows()) {
            LatencyStats l = row.summary().overall().latency();
            boolean meets = goal != null && goal.isMetBy(row.summary());
            stdout.printf("%5d %9s %9s %9s %9s %9.1f/s %5.0f%% %s%n", row.poolSize(), HumanTime.format(l.p50()),
                    HumanTime.format(l.p95()), HumanTime.format(l.p99()), HumanTime.format(l.max()),
                    row.summary().throughput(), row.summary().utilization() * 100,
                    goal == null ? "" : meets ? "yes" : "no");
            csv.add(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.3f,%.2f,%.4f,%d,%d,%s", row.poolSize(),
                    l.p50() / 1e6, l.p95() / 1e6, l.p99() / 1e6, l.max() / 1e6, row.summary().throughput(),
                    row.summary().utilization(), row.summary().overall().count("TIMED_OUT"),
                    row.summary().overall().count("REJECTED"), goal == null ? "" : meets));
        }
        var adaptive = PoolSweep.runAdaptive(scenario, options, ScenarioScripts.shared());
        if (adaptive.isPresent()) {
            var summary = adaptive.get();
            LatencyStats l = summary.overall().latency();
            String name = scenario.pool().flatMap(p -> p.limit()).orElseThrow().algorithm();
            boolean meets = goal != null && goal.isMetBy(summary);
            stdout.printf("%s limit, pool %d..%d: p50 %s, p95 %s, p99 %s, max %s, %.1f/s %s%n", name,
                    summary.minPool(), summary.maxPool(), HumanTime.format(l.p50()), HumanTime.format(l.p95()),
                    HumanTime.format(l.p99()), HumanTime.format(l.max()), summary.throughput(),
                    goal == null ? "" : meets ? "(meets the target)" : "(does not meet the target)");
            csv.add(String.format(Locale.ROOT, "%s %d..%d,%.3f,%.3f,%.3f,%.3f,%.2f,%.4f,%d,%d,%s", name,
                    summary.minPool(), summary.maxPool(), l.p50() / 1e6, l.p95() / 1e6, l.p99() / 1e6,
                    l.max() / 1e6, summary.throughput(), summary.utilization(),
                    summary.overall().count("TIMED_OUT"), summary.overall().count("REJECTED"),
                    goal == null ? "" : meets));
        }
        Files.write(out, csv);
        say.report("wrote " + out);
        if (goal == null) {
            return Cli.OK;
        }
        var best = result.smallestMeeting(goal);
        if (best.isPresent()) {
            say.report("smallest pool size that meets " + goal.text() + ": " + best.get().poolSize());
            return Cli.OK;
        }
        say.problem("no pool size from " + sizes[0] + " to " + sizes[1] + " meets " + goal.text());
        return Cli.PROBLEMS;
    }

    static int[] parseRange(String text) {
        String[] parts = text.split("\\.\\.");
        try {
            if (parts.length == 1 || parts.length == 2) {
                int from = Integer.parseInt(parts[0].trim());
                int to = parts.length == 1 ? from : Integer.parseInt(parts[1].trim());
                if (from >= 1 && to >= from && to <= 4096) {
                    return new int[]{from, to};
                }
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--pool takes a range like 1..32 (from >= 1, to >= from, at most 4096), "
                + "was '" + text + "'");
    }
}
