package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.format.Durations;

import java.util.List;
import java.util.Locale;

/// Says in one sentence why larger pool sizes stop helping, from what the sweep measured: where p99 and
/// throughput stop improving (the knee), and what the sizes beyond it show: an empty queue (latency is the work
/// itself), busy workers with flat throughput (CPU saturation, or a limit downstream of the pool), or a queue
/// that is still there.
///
/// ```java
/// String why = SweepExplainer.explain(points, false);
/// ```
public final class SweepExplainer {

    /// Less than this relative gain counts as "no longer helping".
    static final double FLAT = 0.05;
    /// Workers at least this busy count as saturated.
    static final double BUSY = 0.85;
    /// A p99 latency at most this much above the p99 execution time means the queue adds next to nothing.
    static final double QUEUE_SHARE = 0.15;

    private SweepExplainer() {
    }

    /// The index of the smallest size past which no larger size improves p99 or throughput by more than 5%.
    public static int knee(List<SweepPoint> points) {
        for (int k = 0; k < points.size(); k++) {
            SweepPoint at = points.get(k);
            boolean flat = true;
            for (int j = k + 1; j < points.size() && flat; j++) {
                SweepPoint later = points.get(j);
                flat = later.latency().p99() >= (1 - FLAT) * at.latency().p99()
                        && later.throughput() <= (1 + FLAT) * at.throughput();
            }
            if (flat) {
                return k;
            }
        }
        return points.size() - 1;
    }

    /// @param cpuBound whether the scenario's work is CPU work (busy loops) rather than waiting
    public static String explain(List<SweepPoint> points, boolean cpuBound) {
        if (points.size() < 2) {
            return "Sweep at least two sizes to see where more workers stop helping.";
        }
        int k = knee(points);
        SweepPoint at = points.get(k);
        SweepPoint last = points.getLast();
        if (k == points.size() - 1) {
            long lastWork = last.summary().overall().execution().p99();
            if (last.latency().p99() <= (1 + QUEUE_SHARE) * lastWork) {
                return String.format(Locale.ROOT, "At %d, the largest size swept, p99 %s is within %.0f%% of the "
                                + "work's own p99 of %s: the queue adds almost nothing there, so larger sizes can gain "
                                + "at most that difference.", last.poolSize(), time(last.latency().p99()),
                        lastWork == 0 ? 0.0 : 100.0 * (last.latency().p99() - lastWork) / lastWork, time(lastWork));
            }
            SweepPoint before = points.get(k - 1);
            return String.format(Locale.ROOT, "p99 still improves at the top of the range (%s at %d, %s at %d) and "
                            + "queue wait p99 is %s: the pool is still the bottleneck, so sweep larger sizes.",
                    time(before.latency().p99()), before.poolSize(), time(last.latency().p99()), last.poolSize(),
                    time(last.summary().overall().queueWait().p99()));
        }
        List<SweepPoint> beyond = points.subList(k + 1, points.size());
        long maxWait = beyond.stream().mapToLong(p -> p.summary().overall().queueWait().p99()).max().orElse(0);
        double minUtil = beyond.stream().mapToDouble(SweepPoint::utilization).min().orElse(0);
        double maxUtil = beyond.stream().mapToDouble(SweepPoint::utilization).max().orElse(0);
        int n = at.poolSize();
        long work = at.summary().overall().execution().p99();
        if (at.latency().p99() <= (1 + QUEUE_SHARE) * work) {
            String arrivals = last.utilization() < 0.9 * at.utilization()
                    ? String.format(Locale.ROOT, ", and throughput stays at %.1f/s because that is the arrival rate",
                    last.throughput())
                    : "";
            return String.format(Locale.ROOT, "Beyond %d the queue is nearly empty (p99 %s against the work's own "
                            + "p99 of %s, utilization %s down to %s): latency is the work itself%s.", n,
                    time(at.latency().p99()), time(work), percent(at.utilization()), percent(last.utilization()),
                    arrivals);
        }
        if (minUtil >= BUSY) {
            if (cpuBound) {
                return String.format(Locale.ROOT, "Beyond %d throughput stays near %.1f/s while workers stay at "
                                + "least %s busy: the work is CPU-bound and the CPU is saturated, so more workers "
                                + "only share the same cores.", n, at.throughput(), percent(minUtil));
            }
            return String.format(Locale.ROOT, "Beyond %d throughput stays near %.1f/s although workers stay at least "
                            + "%s busy and queue wait p99 reaches %s: a limit downstream of the pool holds the work "
                            + "back, not the pool size.", n, at.throughput(), percent(minUtil), time(maxWait));
        }
        return String.format(Locale.ROOT, "Beyond %d neither p99 (%s) nor throughput (%.1f/s) improves by more than "
                        + "5%%, though workers are at most %s busy and queue wait p99 is still up to %s: more "
                        + "workers do not shorten that wait, so it comes from how the work arrives, not from the "
                        + "pool size.", n, time(at.latency().p99()), at.throughput(), percent(maxUtil),
                time(maxWait));
    }

    private static String time(long nanos) {
        return Durations.format(nanos);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
