package dev.asynclab.lab.advise;

import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/// Advice against reality: record a workload on the real clock at one pool size, ask for advice, then run the
/// same workload for real at other sizes; the real p99 must fall within the predicted interval and within 10 %
/// of the predicted p99. Needs a quiet machine (nothing else running: CPU-bound work on two cores measures the
/// machine's other load too) and about 25 minutes:
/// `./mvnw -B -pl engine/lab -am -Pfidelity test -Dtest=AdviceFidelityTest -Dsurefire.failIfNoSpecifiedTests=false`
/// (prints the table the README shows).
@Tag("fidelity")
class AdviceFidelityTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path dir;

    record Row(String workload, int pool, Advice.Size predicted, double realP99, double overrun) {
        boolean holds() {
            return realP99 >= predicted.p99LowMs() && realP99 <= predicted.p99HighMs()
                    && Math.abs(realP99 - predicted.p99Ms()) <= 0.10 * predicted.p99Ms();
        }
    }

    /// How much longer than declared the work ran: a machine too loaded to keep time (more than 5 % for sleeps,
    /// in the recording or a check run) says nothing about the advice, and the test then reports itself skipped
    /// after printing what it measured. Spinning work on two busy cores runs longer than declared on a quiet
    /// machine too — the engine's own threads take their turns from it (+12 to +16 % measured at 180 and 220
    /// calls/s, every other process stopped) — which is what the advice models; past 25 % something else ran.
    private static double overrun(RunSummary run, double nominalMeanMs) {
        return run.overall().execution().mean() / 1e6 / nominalMeanMs - 1;
    }

    private static void check(List<Row> rows, double allowedOverrun) {
        print(rows);
        double worst = rows.stream().mapToDouble(Row::overrun).max().orElse(0);
        org.junit.jupiter.api.Assumptions.assumeTrue(worst < allowedOverrun, () -> String.format(Locale.ROOT,
                "the machine is too loaded to keep time: the work ran up to %.0f %% longer than declared",
                worst * 100));
        assertThat(rows).allMatch(Row::holds);
    }

    private List<Row> experiment(String workload, Scenario s, int recordedAt, int[] sizes, boolean cpuBound)
            throws Exception {
        Path log = dir.resolve(workload.replace(' ', '-') + ".jsonl");
        double nominal = nominalMeanMs(s);
        RunSummary recording = Recordings.record(s.withPoolSize(recordedAt), ClockMode.REAL, 1, log);
        double recordingOverrun = overrun(recording, nominal);
        System.out.printf(Locale.ROOT, "%s: recorded at pool %d, its own p99 %.1f ms%n", workload, recordedAt,
                recording.overall().latency().p99() / 1e6);
        Recorded recorded = LogReading.read(log, CORES);
        CpuVerdict verdict = CpuVerdict.of(recorded, CORES);
        System.out.println(workload + ": " + verdict.reason());
        assertThat(verdict.cpuBound()).as(verdict.reason()).isEqualTo(cpuBound);
        WorkloadFit fit = WorkloadFit.of(recorded, verdict);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Advice advice = Advisor.advise(fit, new Advisor.Settings(size, size, 1.0, 40, 5), null, r -> { });
            RunSummary real = Recordings.record(s.withPoolSize(size), ClockMode.REAL, 2 + size,
                    dir.resolve("real-" + size + ".jsonl"));
            rows.add(new Row(workload, size, advice.sizes().getFirst(), real.overall().latency().p99() / 1e6,
                    Math.max(recordingOverrun, overrun(real, nominal))));
        }
        return rows;
    }

    private static double nominalMeanMs(Scenario s) {
        var work = ((dev.asynclab.lab.scenario.CallbackSpec) s.steps().getFirst()).work();
        return switch (work) {
            case dev.asynclab.lab.scenario.Work.Sleep sleep -> sleep.duration().mean().toNanos() / 1e6;
            case dev.asynclab.lab.scenario.Work.Cpu cpu -> cpu.duration().mean().toNanos() / 1e6;
            default -> throw new IllegalArgumentException("declared work only");
        };
    }

    private static void print(List<Row> rows) {
        System.out.println("| workload | pool | predicted p99 | 95 % interval | real p99 | real / predicted | holds "
                + "| work overrun |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f – %.1f ms | %.1f ms | %.2f | %s | %+.0f %% |%n",
                    r.workload, r.pool, r.predicted.p99Ms(), r.predicted.p99LowMs(), r.predicted.p99HighMs(),
                    r.realP99, r.realP99 / r.predicted.p99Ms(), r.holds() ? "yes" : "**no**", r.overrun * 100);
        }
    }

    /// 72,000 calls, six minutes a run: what one run's p99 can be trusted to at a pool of 3, where the queue
    /// decides it. Twelve runs of the declared workload on the simulated clock (seeds 1–12, no machine in it) had
    /// p99s from 67.9 to 88.3 ms (median 74.7) with 24,000 calls each — one run differed from the next by more
    /// than the 10 % this test allows, and advice from recordings at a pool of 4 (seeds 1–11) predicted 71.5 to
    /// 82.3 ms — and from 70.6 to 81.3 ms (median 75.8) with 72,000. (At 800/s with 2 ms sleeps, the same queueing
    /// in a quarter of the time, the real sleeps ran 10–12 % long, the machine's own costs a larger part of each
    /// call, and the advice was 26 % short at a pool of 3.)
    @Test
    void ioSleepsWithALongTail() throws Exception {
        Scenario s = Recordings.scenario("{ poisson: 200/s }", "{ sleep: { lognormal: { median: 8ms, sigma: 0.8 } } }",
                72_000, "0", 4);
        check(experiment("IO, lognormal sleeps", s, 4, new int[] {3, 6}, false), 0.05);
    }

    /// 180 calls/s of 4–8 ms spinning: the two cores decide (more workers do not help), at a load where one real
    /// run is like the next. At 220/s the same workload is near its limit (the work runs 16 % long, so about 0.77
    /// of both cores, plus the engine's threads): three real runs at a pool of 2, seeds 1–3, had p99s of 92, 159 and
    /// 55 ms — no prediction from one recording can be within 10 % of a figure that moves threefold from run to
    /// run. At 180/s the same three seeds gave 30.0, 29.5 and 31.5 ms.
    @Test
    void cpuBoundWorkSaturatesTheCores() throws Exception {
        Scenario s = Recordings.scenario("{ poisson: 180/s }", "{ cpu: { uniform: [4ms, 8ms] } }", 14_000, "0", 4);
        check(experiment("CPU-bound", s, 4, new int[] {2, 8}, true), 0.25);
    }

    /// 4,800 calls (600 bursts): with 1,600 the p99 was the 16th-longest latency, and two runs came out at 0.94
    /// and 0.90 of the prediction, the second 0.2 ms below its interval.
    @Test
    void bursts() throws Exception {
        Scenario s = Recordings.scenario("{ burst: { size: 8, every: 100ms } }", "{ sleep: { uniform: [10ms, 30ms] } }",
                4_800, "0", 4);
        check(experiment("bursts", s, 4, new int[] {2, 8}, false), 0.05);
    }
}
