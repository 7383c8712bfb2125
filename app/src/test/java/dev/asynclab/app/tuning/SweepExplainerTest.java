package dev.asynclab.app.tuning;

import dev.asynclab.lab.metrics.LatencyStats;
import dev.asynclab.lab.metrics.NameStats;
import dev.asynclab.lab.metrics.RunSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SweepExplainerTest {

    /// A pool size's figures: p99 latency, p99 execution and p99 queue wait in ms, throughput, utilization.
    private static SweepPoint point(int size, double p99, double work, double wait, double throughput, double util) {
        var latency = stats(p99);
        var overall = new NameStats("*", latency, stats(work), stats(wait), Map.of());
        var summary = new RunSummary(1_000_000_000L, throughput, overall, Map.of(), size, 0, util * size, 0, 0, util,
                0, Map.of());
        return new SweepPoint(size, summary, false);
    }

    private static LatencyStats stats(double p99Millis) {
        long p99 = Math.round(p99Millis * 1e6);
        return new LatencyStats(100, p99 / 2.0, p99 / 2, p99, p99, p99, p99, p99);
    }

    @Test
    void theKneeIsWhereNeitherP99NorThroughputImprovesByMoreThanFivePercent() {
        var points = List.of(point(1, 900, 40, 860, 25, 1), point(2, 300, 40, 260, 50, 1),
                point(3, 45, 40, 5, 74, 0.9), point(4, 43, 40, 3, 75, 0.7), point(5, 43, 40, 0, 75, 0.6));
        assertThat(SweepExplainer.knee(points)).isEqualTo(2);
    }

    @Test
    void latencyThatIsTheWorkItselfMeansTheQueueIsEmpty() {
        var points = List.of(point(1, 900, 40, 860, 25, 1), point(2, 45, 40, 5, 74, 0.9),
                point(3, 44, 40, 2, 75, 0.6), point(4, 44, 40, 0, 75, 0.45));
        assertThat(SweepExplainer.explain(points, false))
                .startsWith("Beyond 2 the queue is nearly empty (p99 45.0 ms against the work's own p99 of 40.0 ms, "
                        + "utilization 90% down to 45%)")
                .endsWith("throughput stays at 75.0/s because that is the arrival rate.");
    }

    @Test
    void busyWorkersWithFlatThroughputAreCpuSaturationWhenTheWorkIsCpu() {
        var points = List.of(point(1, 900, 40, 860, 25, 1), point(2, 600, 80, 520, 50, 1),
                point(3, 590, 120, 470, 51, 0.98), point(4, 585, 160, 425, 51, 0.97));
        assertThat(SweepExplainer.explain(points, true)).contains("CPU-bound and the CPU is saturated")
                .startsWith("Beyond 2 throughput stays near 50.0/s while workers stay at least 97% busy");
        assertThat(SweepExplainer.explain(points, false)).contains("a limit downstream of the pool");
    }

    @Test
    void p99StillFallingAtTheTopSaysToSweepFurther() {
        var points = List.of(point(1, 900, 40, 860, 25, 1), point(2, 300, 40, 260, 50, 1));
        assertThat(SweepExplainer.explain(points, false)).startsWith("p99 still improves at the top of the range "
                + "(900.0 ms at 1, 300.0 ms at 2)").contains("sweep larger sizes");
    }

    @Test
    void aQueueThatEmptiesAtTheLastSizeSaysSoRatherThanSweepFurther() {
        var points = List.of(point(6, 85, 20, 65, 285, 0.95), point(7, 50, 20, 30, 326, 0.93),
                point(8, 20, 20, 0, 372, 0.93));
        assertThat(SweepExplainer.explain(points, false)).isEqualTo("At 8, the largest size swept, p99 20.0 ms is "
                + "within 0% of the work's own p99 of 20.0 ms: the queue adds almost nothing there, so larger sizes "
                + "can gain at most that difference.");
    }

    @Test
    void flatWithIdleWorkersAndAQueueBlamesTheArrivalsNotThePool() {
        var points = List.of(point(1, 900, 40, 860, 25, 1), point(2, 200, 40, 150, 50, 0.6),
                point(3, 198, 40, 150, 50, 0.4));
        assertThat(SweepExplainer.explain(points, false)).startsWith("Beyond 2 neither p99 (200.0 ms)")
                .contains("queue wait p99 is still up to 150.0 ms");
    }

    @Test
    void oneSizeIsNotEnoughToSayAnything() {
        assertThat(SweepExplainer.explain(List.of(point(1, 10, 10, 0, 1, 1)), false)).startsWith("Sweep at least two");
    }
}
