package dev.asynclab.app.cli;

import dev.asynclab.lab.advise.Advice;
import dev.asynclab.lab.advise.AdviceJson;
import dev.asynclab.lab.advise.Advisor;
import dev.asynclab.lab.advise.CpuVerdict;
import dev.asynclab.lab.advise.LogReading;
import dev.asynclab.lab.advise.Recorded;
import dev.asynclab.lab.advise.WorkloadFit;
import dev.asynclab.lab.advise.WorkloadYaml;
import dev.asynclab.lab.scenario.SweepTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/// `asynclab advise LOG --pool 1..32 --target "p99<50ms" --rate-scale 1.5 --out DIR`: fits the workload an
/// audit log shows, replays it on the simulated clock at each pool size, and recommends one.
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "Fit the workload of a recorded audit log, replay it at each pool size on the simulated "
                + "clock (bootstrap replicates) and recommend the smallest size that meets a target.")
final class AdviseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", description = "The audit log of a run (.jsonl), best one on the real clock.")
    Path log;

    @Option(names = "--pool", defaultValue = "1..32", description = "Pool sizes, as FROM..TO (default: "
            + "${DEFAULT-VALUE}).")
    String range;

    @Option(names = "--target", description = "What a size must achieve, e.g. \"p99<50ms and throughput>180/s\" "
            + "(p50, p95, p99, throughput).")
    String target;

    @Option(names = "--rate-scale", defaultValue = "1.0", description = "Arrival rate as a multiple of the "
            + "recorded one (1.5: traffic 50 %% higher; default: ${DEFAULT-VALUE}).")
    double rateScale;

    @Option(names = "--replicates", defaultValue = "30", description = "Bootstrap replicates per size "
            + "(default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the resampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cores", description = "Cores of the machine that recorded the log (default: this one's).")
    Integer cores;

    @Option(names = "--out", defaultValue = "asynclab-out", description = "Where advice.json and workload.yaml go "
            + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        PrintWriter stdout = say.reportWriter();
        int[] sizes = OptionValues.read(spec, () -> SweepCommand.parseRange(range));
        SweepTarget goal = target == null ? null : OptionValues.read(spec, () -> {
            SweepTarget t = SweepTarget.parse(target);
            Advisor.checkTarget(t);
            return t;
        });
        OptionValues.require(rateScale > 0 && Double.isFinite(rateScale), spec, "--rate-scale", rateScale,
                "must be > 0 (1.5: traffic 50 % higher)");
        OptionValues.require(replicates >= 2, spec, "--replicates", replicates, "must be at least 2");
        OptionValues.require(cores == null || cores >= 1, spec, "--cores", cores, "must be at least 1");
        int machineCores = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        var settings = new Advisor.Settings(sizes[0], sizes[1], rateScale, replicates, seed);
        InputFiles.log(log);
        // Checked before the fit and the replays, which take a while: an unwritable --out fails at once, in one line.
        OutputFiles.folder(out);
        Path adviceJson = OutputFiles.file(OutputFiles.notAnInput(out.resolve("advice.json"), log));
        Path workloadYaml = OutputFiles.file(OutputFiles.notAnInput(out.resolve("workload.yaml"), log));
        Recorded recorded = LogReading.read(log, machineCores);
        WorkloadFit fit = WorkloadFit.of(recorded, CpuVerdict.of(recorded, machineCores));
        stdout.printf("fitted %s: %d callbacks, %d arrivals over %.1f s, recorded on a pool of %s%n",
                recorded.scenario(), fit.callbacks().size(),
                fit.callbacks().stream().mapToInt(WorkloadFit.CallbackFit::count).sum(),
                recorded.durationNs() / 1e9, recorded.poolSize() == 0 ? "(unknown)" : recorded.poolSize());
        stdout.println(fit.cpu().reason());
        for (String note : fit.notes()) {
            stdout.println("note: " + note);
        }

        say.step("replaying %s at pool sizes %d to %d, %d replicates each", recorded.scenario(), sizes[0], sizes[1],
                replicates);
        var progress = say.progress("replaying " + recorded.scenario());
        int count = sizes[1] - sizes[0] + 1;
        Advice advice = Advisor.advise(fit, settings, goal,
                row -> progress.show((double) (row.pool() - sizes[0] + 1) / count, "pool " + row.pool()));
        progress.done();

        stdout.printf("%5s %9s %9s %9s %21s %11s %6s %s%n", "pool", "p50", "p95", "p99", "next run p99 (95%)",
                "throughput", "util", goal == null ? "" : "meets " + goal.text());
        for (Advice.Size row : advice.sizes()) {
            String meets = goal == null ? "" : advice.recommended().isPresent()
                    && row.pool() >= advice.recommended().getAsInt() ? "yes" : "no";
            stdout.printf(java.util.Locale.ROOT, "%5d %7.1fms %7.1fms %7.1fms %8.1f – %7.1f ms %9.1f/s %5.0f%% %s%n",
                    row.pool(), row.p50Ms(), row.p95Ms(), row.p99Ms(), row.p99LowMs(), row.p99HighMs(),
                    row.throughputPerS(), row.utilization() * 100, meets);
        }
        Files.writeString(adviceJson, AdviceJson.write(advice));
        Files.writeString(workloadYaml, WorkloadYaml.write(fit.scenario(rateScale), fit));
        say.report("wrote " + adviceJson + " and " + workloadYaml);
        if (goal == null) {
            return Cli.OK;
        }
        if (advice.recommended().isPresent()) {
            say.report("smallest pool size that meets " + goal.text() + ": " + advice.recommended().getAsInt()
                    + (fit.cpu().cpuBound() ? " (CPU-bound: at most " + fit.cpu().cores() + " run at once)" : ""));
            return Cli.OK;
        }
        say.problem("no pool size from " + sizes[0] + " to " + sizes[1] + " meets " + goal.text()
                + (fit.cpu().cpuBound() ? ": the work is CPU-bound, only faster or more cores will help" : ""));
        return Cli.PROBLEMS;
    }
}
