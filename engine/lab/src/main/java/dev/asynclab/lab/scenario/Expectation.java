package dev.asynclab.lab.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The `expect:` block of a scenario: what a run must show, as conditions on observed counts.
///
/// The keys (`KEYS`) are counts over the whole run. Invocation outcomes count attempts, so a callback tried
/// three times counts three terminal outcomes.
///
/// ```java
/// Expectation expect = new Expectation(Map.of("timed_out", Comparison.parse("> 0")));
/// List<String> failures = expect.check(Map.of("timed_out", 0L)); // ["timed_out: expected > 0, observed 0"]
/// ```
public record Expectation(Map<String, Comparison> counts) {

    /// Nothing expected.
    public static final Expectation NONE = new Expectation(Map.of());

    /// The keys an `expect:` block may use, with what each counts. The runner supplies them all.
    public static final Map<String, String> KEYS = keys();

    public Expectation {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /// One line per condition that does not hold (or whose count was not observed); empty when all hold.
    public List<String> check(Map<String, Long> observed) {
        List<String> failures = new ArrayList<>();
        counts.forEach((key, comparison) -> {
            Long value = observed.get(key);
            if (value == null) {
                failures.add(key + ": expected " + comparison.text() + ", but the run reported no such count");
            } else if (!comparison.test(value)) {
                failures.add(key + ": expected " + comparison.text() + ", observed " + value);
            }
        });
        return failures;
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("submitted", "invocations submitted, retry attempts included (SUBMITTED events)");
        keys.put("succeeded", "invocations that ended SUCCEEDED");
        keys.put("failed", "invocations that ended FAILED");
        keys.put("timed_out", "invocations that ended TIMED_OUT");
        keys.put("cancelled", "invocations that ended CANCELLED");
        keys.put("rejected", "invocations that ended REJECTED (pool queue full, or refused by a policy)");
        keys.put("late_finish", "callbacks that kept running past their timeout or cancel (LATE_FINISH events)");
        keys.put("retries", "retries scheduled (RETRY_SCHEDULED events)");
        keys.put("groups_succeeded", "race, parallel and hedge runs that succeeded");
        keys.put("groups_failed", "race, parallel and hedge runs that did not succeed");
        keys.put("max_active", "the most invocations running at once");
        keys.put("max_queue", "the longest the pool's queue grew");
        keys.put("circuit_opened", "times a circuit breaker opened (CIRCUIT_OPENED events)");
        keys.put("short_circuited", "invocations refused by an open (or half-open) circuit breaker");
        keys.put("rate_limited", "calls a rate limiter held back or refused (RATE_LIMITED events)");
        keys.put("bulkhead_rejected", "invocations refused by a full bulkhead");
        keys.put("fallbacks", "results replaced by a fallback (FALLBACK_USED events)");
        keys.put("faults", "faults injected on purpose (FAULT_INJECTED events)");
        keys.put("budget_exhausted", "retries not made because the retry budget was spent (BUDGET_EXHAUSTED events)");
        keys.put("min_pool", "the smallest the pool's size was (an adaptive limit changes it)");
        keys.put("max_pool", "the largest the pool's size was (an adaptive limit changes it)");
        return Collections.unmodifiableMap(keys);
    }
}
