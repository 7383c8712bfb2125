package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.NameStats;
import dev.asynclab.lab.metrics.RunSummary;

import java.util.List;

/// Lints about what the resilience policies did to one callback, each naming the policy that acted: refusals by
/// a circuit breaker, a rate limiter or a bulkhead, retries a budget did not allow, failures a fallback hid, and
/// faults injected on purpose. From the events alone, so they work on a replayed log too; with the scenario's
/// declarations at hand they name the policy (`circuit breaker 'db'`), otherwise only its kind.
final class PolicyLints {

    private PolicyLints() {
    }

    /// @param declared the callback's declared policies, or null (a replayed log, or none declared)
    static void check(String name, NameStats s, RunSummary summary, Resilience declared, List<Lint> lints) {
        Resilience r = declared == null ? Resilience.NONE : declared;
        long refusedByBreaker = s.count("REJECTED_BY:circuit-breaker");
        if (refusedByBreaker > 0) {
            lints.add(new Lint("short-circuited", name, refusedByBreaker + " attempts were refused at once by "
                    + named(r.breaker(), "a circuit breaker") + " while it was open: the dependency was failing, "
                    + "and the breaker spared it the calls and the callers the wait", summary.examples("REJECTED", name),
                    false));
        }
        long refusedByLimiter = s.count("REJECTED_BY:rate-limiter");
        if (refusedByLimiter > 0) {
            lints.add(new Lint("rate-limited", name, refusedByLimiter + " calls were refused by "
                    + named(r.limiter(), "a rate limiter") + " (no permit within its max wait) and "
                    + (s.count("RATE_LIMITED") - refusedByLimiter) + " waited for one: arrivals exceed its rate",
                    summary.examples("REJECTED", name), false));
        }
        long refusedByBulkhead = s.count("REJECTED_BY:bulkhead");
        if (refusedByBulkhead > 0) {
            lints.add(new Lint("bulkhead-full", name, refusedByBulkhead + " calls were refused by "
                    + named(r.bulkhead(), "a bulkhead") + ": it was full, so the dependency behind it is too slow "
                    + "for this load or the limit too low", summary.examples("REJECTED", name), false));
        }
        long notRetried = s.count("BUDGET_EXHAUSTED");
        if (notRetried > 0) {
            lints.add(new Lint("retry-budget-spent", name, notRetried + " failures were not retried because "
                    + named(r.budget(), "the retry budget") + " was spent: retries were capped to keep them from "
                    + "multiplying the load", summary.examples("BUDGET_EXHAUSTED", name), false));
        }
        long fallbacks = s.count("FALLBACK_USED");
        if (fallbacks > 0) {
            lints.add(new Lint("fallback-hides-failures", name, fallbacks + " results were replaced by the "
                    + "fallback: callers saw success while the call failed; watch this count, not the success rate",
                    summary.examples("FALLBACK_USED", name), false));
        }
        long faults = s.count("FAULT_INJECTED");
        if (faults > 0) {
            lints.add(new Lint("faults-injected", name, faults + " faults were injected on purpose by fault "
                    + "injection: this run's failures and latencies are not all the dependency's own",
                    summary.examples("FAULT_INJECTED", name), false));
        }
    }

    private static String named(SharedPolicy policy, String otherwise) {
        return policy == null ? otherwise : policy.kind() + " '" + policy.name() + "'";
    }
}
