package dev.asynclab.app.ui.timeline;

/// What the resilience policies add to the timeline, each with its theme token: the circuit breaker's band
/// (closed, open, half-open) above the worker lanes, and the markers of calls a breaker short-circuited, a rate
/// limiter held back or refused, and results a fallback replaced. Shapes tell them apart as well as colours:
/// ⊘ short-circuited, ⧗ rate-limited (an hourglass; the legend writes ⋈, which the default fonts have), □ fallback.
public enum PolicyMark {
    CIRCUIT_CLOSED("-policy-circuit-closed"),
    CIRCUIT_OPEN("-policy-circuit-open"),
    CIRCUIT_HALF_OPEN("-policy-circuit-half-open"),
    SHORT_CIRCUIT("-policy-short-circuit"),
    RATE_LIMITED("-policy-rate-limited"),
    FALLBACK("-policy-fallback");

    private final String token;

    PolicyMark(String token) {
        this.token = token;
    }

    /// The CSS looked-up color that themes it.
    public String token() {
        return token;
    }
}
