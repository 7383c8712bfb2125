package dev.asynclab.lab.metrics;

import org.HdrHistogram.Histogram;

/// Percentiles of one measure (latency, execution time or queue wait), in nanoseconds.
public record LatencyStats(long count, double mean, long p50, long p90, long p95, long p99, long p999, long max) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0);

    static LatencyStats of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencyStats(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(95), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /// The percentile named like "p99", "p50", "p99.9", "max" or "mean".
    public double byName(String name) {
        return switch (name) {
            case "p50" -> p50;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            case "p99.9", "p999" -> p999;
            case "max" -> max;
            case "mean" -> mean;
            default -> throw new IllegalArgumentException("unknown percentile '" + name
                    + "' (expected p50, p90, p95, p99, p99.9, max or mean)");
        };
    }
}
