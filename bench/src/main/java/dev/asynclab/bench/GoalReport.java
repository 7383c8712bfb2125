package dev.asynclab.bench;

import org.openjdk.jmh.results.RunResult;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Issue 15's goals, judged from one JMH run: each figure against its baseline measured in the same run, as a
/// ratio, and whether the goal is met. Absolute figures on these VMs move by ±50 % between runs; a ratio to a
/// baseline of the same run is what the goals are written in. A benchmark left out of the run is skipped.
///
/// ```java
/// Collection<RunResult> results = new Runner(options).run();
/// GoalReport.print(results);   // "[goal] round trip, platform threads: 35.8 us against raw 33.9 us = 1.06x ..."
/// ```
final class GoalReport {

    /// A figure compared with a baseline of the same run; `goal` and `lowerIsBetter` say what meets it
    /// (NaN: no goal, the ratio is shown for information).
    private record Ratio(String what, String figure, String baseline, double goal, boolean lowerIsBetter) {
    }

    /// A figure against an absolute bound (the recording cost: nanoseconds, not a ratio).
    private record Bound(String what, String figure, String baseline, double atMost) {
    }

    private static final String ROUND = "dev.asynclab.bench.RoundTripBenchmark.";
    private static final String POOL = "dev.asynclab.bench.PoolThroughputBenchmark.";
    private static final String RECORD = "dev.asynclab.bench.RecordingCostBenchmark.";

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("round trip, platform threads", ROUND + "asyncLabPlatformThreads", ROUND + "rawThreadPoolExecutor",
                    1.05, true),
            new Ratio("round trip, virtual threads", ROUND + "asyncLabVirtualThreads", ROUND + "rawVirtualThreadExecutor",
                    Double.NaN, true),
            new Ratio("round trip, resilience4j retry + time limiter", ROUND + "resilience4jRetryAndTimeLimiter",
                    ROUND + "rawThreadPoolExecutor", Double.NaN, true),
            new Ratio("round trip, Failsafe retry + timeout", ROUND + "failsafeRetryAndTimeout",
                    ROUND + "rawThreadPoolExecutor", Double.NaN, true),
            new Ratio("batch, events to memory", POOL + "asyncLabPoolEventsToMemory", POOL + "rawThreadPoolExecutor",
                    0.7, false),
            new Ratio("batch, audit log to a file", POOL + "asyncLabPoolAuditLogToFile", POOL + "rawThreadPoolExecutor",
                    0.4, false),
            // No goal: the engine's share of the batch apart from the event bus's (what the events cost is the gap).
            new Ratio("batch, no events", POOL + "asyncLabPoolNoEvents", POOL + "rawThreadPoolExecutor",
                    Double.NaN, false),
            new Ratio("batch, resilience4j bulkhead + retry + time limiter", POOL + "resilience4jBulkheadRetryTimeLimiter",
                    POOL + "rawThreadPoolExecutor", Double.NaN, false),
            new Ratio("batch, Failsafe retry + timeout", POOL + "failsafeRetryTimeoutOnPool",
                    POOL + "rawThreadPoolExecutor", Double.NaN, false),
            new Ratio("batch, events to memory against resilience4j", POOL + "asyncLabPoolEventsToMemory",
                    POOL + "resilience4jBulkheadRetryTimeLimiter", 1.0, false),
            new Ratio("batch, events to memory against Failsafe", POOL + "asyncLabPoolEventsToMemory",
                    POOL + "failsafeRetryTimeoutOnPool", 1.0, false));

    private static final List<Bound> BOUNDS = List.of(
            new Bound("recording cost, a counting sink listening", RECORD + "publishCountingSink",
                    RECORD + "baselineAllocateEvent", 100),
            new Bound("recording cost, nobody listening", RECORD + "publishNoSink", RECORD + "baselineAllocateEvent",
                    100),
            // How the engine records: an invocation stamps its events with the clock readings it takes anyway.
            new Bound("recording cost as the engine records (a reading it holds), a counting sink listening",
                    RECORD + "publishAtCountingSink", RECORD + "baselineAllocateEvent", 100));

    private GoalReport() {
    }

    static void print(Collection<RunResult> results) {
        Map<String, RunResult> byName = new HashMap<>();
        for (RunResult r : results) {
            byName.put(r.getParams().getBenchmark(), r);
        }
        for (Ratio r : RATIOS) {
            RunResult figure = byName.get(r.figure());
            RunResult baseline = byName.get(r.baseline());
            if (figure == null || baseline == null) {
                continue;
            }
            double ratio = score(figure) / score(baseline);
            String verdict = Double.isNaN(r.goal()) ? ""
                    : String.format(Locale.ROOT, " (goal %s %.2fx: %s)", r.lowerIsBetter() ? "at most" : "at least",
                    r.goal(), (r.lowerIsBetter() ? ratio <= r.goal() : ratio >= r.goal()) ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "[goal] %s: %s against %s = %.2fx%s%n", r.what(), text(figure),
                    text(baseline), ratio, verdict);
        }
        for (Bound b : BOUNDS) {
            RunResult figure = byName.get(b.figure());
            if (figure == null) {
                continue;
            }
            RunResult baseline = byName.get(b.baseline());
            String against = baseline == null ? "" : String.format(Locale.ROOT, " (building the event alone %s, %.1fx)",
                    text(baseline), score(figure) / score(baseline));
            System.out.printf(Locale.ROOT, "[goal] %s: %s%s (goal at most %.0f ns: %s)%n", b.what(), text(figure),
                    against, b.atMost(), score(figure) <= b.atMost() ? "met" : "NOT met");
        }
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    private static String text(RunResult r) {
        return String.format(Locale.ROOT, "%.1f %s", score(r), r.getPrimaryResult().getScoreUnit());
    }
}
