package dev.asynclab.app.tuning;

import dev.asynclab.lab.metrics.LatencyStats;
import dev.asynclab.lab.metrics.RunSummary;

/// One pool size of a sweep as the Tuning view shows it: the figures of its run, and whether it meets the target.
///
/// ```java
/// var point = SweepPoint.of(row.poolSize(), row.summary(), target);
/// double p99Ms = point.p99Millis();
/// ```
public record SweepPoint(int poolSize, RunSummary summary, boolean meetsTarget) {

    /// `target` may be null (no target: nothing meets it).
    public static SweepPoint of(int poolSize, RunSummary summary, dev.asynclab.lab.scenario.SweepTarget target) {
        return new SweepPoint(poolSize, summary, target != null && target.isMetBy(summary));
    }

    public LatencyStats latency() {
        return summary.overall().latency();
    }

    public double p50Millis() {
        return latency().p50() / 1e6;
    }

    public double p95Millis() {
        return latency().p95() / 1e6;
    }

    public double p99Millis() {
        return latency().p99() / 1e6;
    }

    /// The 99th percentile of the time spent waiting for a worker.
    public double queueWaitP99Millis() {
        return summary.overall().queueWait().p99() / 1e6;
    }

    public double throughput() {
        return summary.throughput();
    }

    /// From 0 to 1.
    public double utilization() {
        return summary.utilization();
    }
}
