package dev.asynclab.lab.metrics;

import java.util.Map;

/// What happened to the invocations of one callback name (or to all of them: name "*").
///
/// @param latency       from SUBMITTED to the terminal event (what a caller waits)
/// @param execution     from STARTED to the terminal event
/// @param queueWait     from QUEUED to STARTED (zero for an invocation that found a free worker)
/// @param outcomes      terminal counts by type name (SUCCEEDED, FAILED, ...), plus LATE_FINISH and RETRY_SCHEDULED
public record NameStats(String name, LatencyStats latency, LatencyStats execution, LatencyStats queueWait,
                        Map<String, Long> outcomes) {

    public long count(String outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }
}
