package dev.asynclab.lab.advise;

import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.SweepTarget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/// Replays a fitted workload on the simulated clock (the same engine, the same pool) at each pool size, many
/// times, and turns the runs into [Advice].
///
/// Each replicate is a bootstrap: the recorded gaps, batch sizes and service observations are drawn again with
/// replacement, and the run gets its own seed, so the spread of a size's p99 over the replicates is how much one
/// run of the recorded workload differs from the next. The recording is such a run too, lucky or not, and the
/// prediction is centred on it: a next real run differs from the prediction by its own luck and the
/// recording's, so the p99's interval is the replicates' central 95 % widened by √2 ([#NEXT_RUN]). A replicate's resample is
/// shared by every pool size (common random numbers), so sizes are compared on the same traffic. Where the
/// work is CPU-bound ([CpuVerdict]) a size larger than the cores is replayed with only as many running at once.
///
/// ```java
/// Advice a = Advisor.advise(fit, new Advisor.Settings(1, 16, 1.5, 40, 7), SweepTarget.parse("p99<50ms"),
///         size -> System.out.println("pool " + size.pool() + ": p99 " + size.p99Ms() + " ms"));
/// ```
public final class Advisor {

    /// How much wider than the replicates' spread the p99's interval is: the difference of two runs' p99s (the
    /// recording's and the next one's) spreads √2 times as wide as one's. Without it, the interval covered 6 of
    /// 12 runs of the very workload it was fitted from (IO-like sleeps at a pool of 3, 24,000 calls, seeds 1–12 on
    /// the simulated clock: p99s from 67.9 to 88.3 ms; the recording, seed 1, 82.3 ms).
    static final double NEXT_RUN = Math.sqrt(2);

    /// @param from       the smallest pool size
    /// @param to         the largest
    /// @param rateScale  the arrival rate as a multiple of the recorded one
    /// @param replicates bootstrap replicates per size (at least 2)
    /// @param seed       for the resampling and the runs: the same seed, the same advice
    public record Settings(int from, int to, double rateScale, int replicates, long seed) {
        public Settings {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("pool sizes must be a range like 1..32, was " + from + ".." + to);
            }
            if (!(rateScale > 0)) {
                throw new IllegalArgumentException("rate scale must be > 0, was " + rateScale);
            }
            if (replicates < 2) {
                throw new IllegalArgumentException("need at least 2 replicates, was " + replicates);
            }
        }
    }

    /// Called after each pool size.
    @FunctionalInterface
    public interface Progress {
        void sizeDone(Advice.Size size);
    }

    private Advisor() {
    }

    /// @param target may be null: then nothing is recommended
    public static Advice advise(WorkloadFit fit, Settings settings, SweepTarget target, Progress progress)
            throws InterruptedException {
        var random = new SplittableRandom(settings.seed());
        List<Scenario> replicas = new ArrayList<>();
        for (int r = 0; r < settings.replicates(); r++) {
            replicas.add(fit.resample(random.split()).scenario(settings.rateScale(), WorkloadFit.REPLAY_VALUES)
                    .withSeed(random.nextLong()));
        }
        List<Advice.Size> rows = new ArrayList<>();
        Integer recommended = null;
        for (int size = settings.from(); size <= settings.to(); size++) {
            int servers = fit.cpu().effective(size);
            double[] p50 = new double[replicas.size()];
            double[] p95 = new double[replicas.size()];
            double[] p99 = new double[replicas.size()];
            double[] throughput = new double[replicas.size()];
            double[] utilization = new double[replicas.size()];
            for (int r = 0; r < replicas.size(); r++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("advice cancelled at pool size " + size);
                }
                RunSummary s = ScenarioRunner.start(replicas.get(r), RunOptions.DEFAULTS.withPoolSize(servers)
                        .withPaced(false), List.of()).await();
                p50[r] = s.overall().latency().p50() / 1e6;
                p95[r] = s.overall().latency().p95() / 1e6;
                p99[r] = s.overall().latency().p99() / 1e6;
                throughput[r] = s.throughput();
                utilization[r] = s.meanActive() / size; // of the workers asked for, not of those that could run
            }
            double mid = median(p99);
            var row = new Advice.Size(size, median(p50), median(p95), mid,
                    Math.max(0, mid - NEXT_RUN * (mid - quantile(p99, 0.025))),
                    mid + NEXT_RUN * (quantile(p99, 0.975) - mid), median(throughput), median(utilization));
            rows.add(row);
            progress.sizeDone(row);
            if (recommended == null && target != null && meets(target, row)) {
                recommended = size;
            }
        }
        return new Advice(recommended == null ? OptionalInt.empty() : OptionalInt.of(recommended), rows, fit.cpu(),
                fit.notes(), settings.replicates(), settings.rateScale());
    }

    /// Refuses a target that names what advice does not predict (p90, p99.9, max, mean).
    public static void checkTarget(SweepTarget target) {
        for (SweepTarget.Bound b : target.bounds()) {
            if (!List.of("p50", "p95", "p99", "throughput").contains(b.measure())) {
                throw new IllegalArgumentException("advice predicts p50, p95, p99 and throughput; the target '"
                        + target.text() + "' names " + b.measure());
            }
        }
    }

    /// Whether a row's predicted figures meet `target`.
    static boolean meets(SweepTarget target, Advice.Size row) {
        return target.isMetBy(measure -> switch (measure) {
            case "p50" -> row.p50Ms() * 1e6;
            case "p95" -> row.p95Ms() * 1e6;
            case "p99" -> row.p99Ms() * 1e6;
            case "throughput" -> row.throughputPerS();
            default -> throw new IllegalArgumentException("advice predicts p50, p95, p99 and throughput; the target "
                    + "names " + measure);
        });
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /// The `q`-quantile with linear interpolation between order statistics.
    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
