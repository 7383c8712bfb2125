package dev.asynclab.lab.metrics;

import java.util.Map;

/// The figures of one run, computed from its event stream.
///
/// Little's law holds on every run: the time-averaged number of invocations in the system
/// (`meanInSystem`) equals the arrival throughput times the mean latency (`littleLambdaW`).
///
/// @param durationNanos  from the first to the last event
/// @param throughput     invocations ended per second of run time
/// @param overall        every invocation (name "*")
/// @param byName         per callback name
/// @param peakActive     most callbacks running at once
/// @param peakQueued     deepest queue
/// @param utilization    mean running callbacks divided by the pool size (0 when unknown)
/// @param eventCount     events seen
/// @param examples       up to 50 ids per "OUTCOME:name" (FAILED, TIMED_OUT, CANCELLED, REJECTED, LATE_FINISH by
///                       invocation id; RACE_FAILED, PARALLEL_FAILED, HEDGED_FAILED by group id; CIRCUIT_OPENED,
///                       CIRCUIT_HALF_OPENED, CIRCUIT_CLOSED by event seq and breaker name), so a report can point at
///                       the invocations concerned
/// @param minPool        the smallest pool size during the run (an adaptive limit resizes it; 0: no pool known)
/// @param maxPool        the largest
public record RunSummary(long durationNanos, double throughput, NameStats overall, Map<String, NameStats> byName,
                         int peakActive, int peakQueued, double meanActive, double meanInSystem,
                         double littleLambdaW, double utilization, long eventCount,
                         Map<String, java.util.List<Long>> examples, int minPool, int maxPool) {

    /// A summary that says nothing of pool sizes.
    public RunSummary(long durationNanos, double throughput, NameStats overall, Map<String, NameStats> byName,
                      int peakActive, int peakQueued, double meanActive, double meanInSystem, double littleLambdaW,
                      double utilization, long eventCount, Map<String, java.util.List<Long>> examples) {
        this(durationNanos, throughput, overall, byName, peakActive, peakQueued, meanActive, meanInSystem,
                littleLambdaW, utilization, eventCount, examples, 0, 0);
    }

    /// The example ids recorded for `outcome` of callback or group `name`.
    public java.util.List<Long> examples(String outcome, String name) {
        return examples.getOrDefault(outcome + ":" + name, java.util.List.of());
    }

    /// Counts keyed the way scenario expectations name them: succeeded, failed, timed_out, cancelled,
    /// rejected, late_finish, retries, submitted, groups_succeeded, groups_failed, max_queue, max_active, min_pool,
    /// max_pool, and what the resilience policies did: circuit_opened, short_circuited, rate_limited,
    /// bulkhead_rejected, fallbacks, faults, budget_exhausted.
    public Map<String, Long> observedCounts() {
        var m = new java.util.LinkedHashMap<String, Long>();
        m.put("submitted", overall.count("SUBMITTED"));
        m.put("succeeded", overall.count("SUCCEEDED"));
        m.put("failed", overall.count("FAILED"));
        m.put("timed_out", overall.count("TIMED_OUT"));
        m.put("cancelled", overall.count("CANCELLED"));
        m.put("rejected", overall.count("REJECTED"));
        m.put("late_finish", overall.count("LATE_FINISH"));
        m.put("retries", overall.count("RETRY_SCHEDULED"));
        m.put("groups_succeeded", overall.count("GROUP_SUCCEEDED"));
        m.put("groups_failed", overall.count("GROUP_FAILED"));
        m.put("max_queue", (long) peakQueued);
        m.put("max_active", (long) peakActive);
        m.put("circuit_opened", overall.count("CIRCUIT_OPENED"));
        m.put("short_circuited", overall.count("REJECTED_BY:circuit-breaker"));
        m.put("rate_limited", overall.count("RATE_LIMITED"));
        m.put("bulkhead_rejected", overall.count("REJECTED_BY:bulkhead"));
        m.put("fallbacks", overall.count("FALLBACK_USED"));
        m.put("faults", overall.count("FAULT_INJECTED"));
        m.put("budget_exhausted", overall.count("BUDGET_EXHAUSTED"));
        m.put("min_pool", (long) minPool);
        m.put("max_pool", (long) maxPool);
        return m;
    }
}
