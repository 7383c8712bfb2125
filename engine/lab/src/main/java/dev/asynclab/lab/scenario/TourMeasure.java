package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.NameStats;
import dev.asynclab.lab.metrics.RunSummary;

import java.util.Map;
import java.util.Optional;

/// A count a tour question is answered by: one of the `expect:` counts ([Expectation#KEYS]), over the whole run
/// or for one callback or group name.
///
/// ```java
/// new TourMeasure("timed_out", Optional.of("slow-service")).of(summary);   // 12
/// ```
///
/// @param count a key of [Expectation#KEYS], e.g. `timed_out`
/// @param name  the callback or group it counts for; empty for the whole run
public record TourMeasure(String count, Optional<String> name) {

    /// The counts that can be taken per name, and the outcome each reads in [NameStats].
    static final Map<String, String> PER_NAME = Map.ofEntries(
            Map.entry("submitted", "SUBMITTED"), Map.entry("succeeded", "SUCCEEDED"),
            Map.entry("failed", "FAILED"), Map.entry("timed_out", "TIMED_OUT"),
            Map.entry("cancelled", "CANCELLED"), Map.entry("rejected", "REJECTED"),
            Map.entry("late_finish", "LATE_FINISH"), Map.entry("retries", "RETRY_SCHEDULED"),
            Map.entry("groups_succeeded", "GROUP_SUCCEEDED"), Map.entry("groups_failed", "GROUP_FAILED"));

    /// The count in `summary`: 0 for a name the run never saw.
    public long of(RunSummary summary) {
        if (name.isEmpty()) {
            return summary.observedCounts().getOrDefault(count, 0L);
        }
        NameStats stats = summary.byName().get(name.get());
        return stats == null ? 0 : stats.count(PER_NAME.get(count));
    }

    /// In words, for the reveal: `timed_out of slow-service (invocations that ended TIMED_OUT)`.
    public String describe() {
        return count + name.map(n -> " of " + n).orElse("") + " (" + Expectation.KEYS.get(count) + ")";
    }
}
