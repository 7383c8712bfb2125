package dev.asynclab.app.tuning;

import dev.asynclab.lab.metrics.LatencyStats;
import dev.asynclab.lab.metrics.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Two runs' counts and percentiles side by side, with their differences.
///
/// ```java
/// List<ComparisonRow> rows = RunComparison.rows(left, right);
/// boolean same = rows.stream().allMatch(ComparisonRow::isZero);
/// ```
public final class RunComparison {

    private static final List<String> PERCENTILES = List.of("mean", "p50", "p90", "p95", "p99", "p99.9", "max");

    private RunComparison() {
    }

    public static List<ComparisonRow> rows(RunSummary left, RunSummary right) {
        List<ComparisonRow> rows = new ArrayList<>();
        Map<String, Long> l = left.observedCounts();
        Map<String, Long> r = right.observedCounts();
        l.forEach((name, value) -> rows.add(new ComparisonRow(name, "", value, r.getOrDefault(name, 0L))));
        LatencyStats ll = left.overall().latency();
        LatencyStats rl = right.overall().latency();
        for (String p : PERCENTILES) {
            rows.add(new ComparisonRow("latency " + p, "ms", ll.byName(p) / 1e6, rl.byName(p) / 1e6));
        }
        rows.add(new ComparisonRow("queue wait p99", "ms", left.overall().queueWait().p99() / 1e6,
                right.overall().queueWait().p99() / 1e6));
        rows.add(new ComparisonRow("throughput", "/s", left.throughput(), right.throughput()));
        rows.add(new ComparisonRow("utilization", "%", left.utilization() * 100, right.utilization() * 100));
        return rows;
    }
}
