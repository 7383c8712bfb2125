package dev.asynclab.lab.scenario;

import dev.asynclab.engine.Fallback;
import dev.asynclab.engine.FaultInjection;

import java.util.List;

/// The resilience policies of one declared callback: the shared ones it names, its own fallback and the
/// faults injected into it. Absent ones are null (no faults: an empty list). The engine applies them in the
/// order `Task.Policies` documents.
///
/// ```yaml
/// - name: pay
///   circuit_breaker: payments
///   retry_budget: backend
///   fallback: { value: "queued for later" }
///   faults: [ { rate: 0.2, latency: 300ms } ]
/// ```
public record Resilience(SharedPolicy.Breaker breaker, SharedPolicy.Limiter limiter, SharedPolicy.Bulk bulkhead,
                         SharedPolicy.Budget budget, Fallback fallback, List<FaultInjection> faults) {

    public static final Resilience NONE = new Resilience(null, null, null, null, null, List.of());

    public Resilience {
        faults = List.copyOf(faults);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /// The policies named, in application order, as "circuit breaker 'db'", for lints and summaries.
    public List<String> describe() {
        var out = new java.util.ArrayList<String>();
        if (fallback != null) {
            out.add("fallback");
        }
        for (SharedPolicy p : new SharedPolicy[]{budget, breaker, limiter, bulkhead}) {
            if (p != null) {
                out.add(p.kind() + " '" + p.name() + "'");
            }
        }
        if (!faults.isEmpty()) {
            out.add("fault injection");
        }
        return out;
    }
}
