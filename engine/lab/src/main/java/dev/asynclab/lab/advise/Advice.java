package dev.asynclab.lab.advise;

import java.util.List;
import java.util.OptionalInt;

/// What `asynclab advise` predicts: per pool size the latency percentiles, throughput and utilisation of the
/// fitted workload replayed on the simulated clock, the p99 with an interval from the bootstrap, and the
/// smallest size that meets the target.
///
/// ```java
/// Advice a = Advisor.advise(fit, new Advisor.Settings(1, 32, 1.0, 40, 1), target, size -> { });
/// a.recommended().ifPresent(n -> System.out.println("use " + n + " workers"));
/// ```
///
/// @param recommended the smallest size whose predicted figures meet the target; empty when none does (or no
///                    target was given)
/// @param sizes       one row per pool size, ascending
/// @param cpu         whether the machine, not the pool, caps the parallelism
/// @param notes       what the fit could not carry over
/// @param replicates  how many bootstrap replicates each row is made of
/// @param rateScale   the arrival rate, as a multiple of the recorded one
public record Advice(OptionalInt recommended, List<Size> sizes, CpuVerdict cpu, List<String> notes, int replicates,
                     double rateScale) {

    public Advice {
        sizes = List.copyOf(sizes);
        notes = List.copyOf(notes);
    }

    /// The prediction for one pool size: medians over the replicates, and a 95 % interval for the p99 of one
    /// more run like the recorded one (the replicates' central 95 %, widened by √2: the recording's own luck
    /// and the next run's).
    public record Size(int pool, double p50Ms, double p95Ms, double p99Ms, double p99LowMs, double p99HighMs,
                       double throughputPerS, double utilization) {
    }
}
