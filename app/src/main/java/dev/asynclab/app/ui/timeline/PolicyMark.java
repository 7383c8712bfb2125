package dev.asynclab.app.ui.timeline;

/// What the resilience policies add to the timeline, each with its theme token: the circuit breaker's band
/// (closed, open, half-open) above the worker lanes, and the markers of calls a breaker short-circuited, a rate
/// limiter held back or refused, and results a fallback replaced. Shapes tell them apart as well as colours:
/// ⊘ short-circuited, ⧗ rate-limited (an hourglass; the legend writes ⋈, which the default fonts have), □ fallback.
public enum PolicyMark {
    CIRCUIT_CLOSED("-policy-circuit-closed", "#009E7359"),
    CIRCUIT_OPEN("-policy-circuit-open", "#D55E00"),
    CIRCUIT_HALF_OPEN("-policy-circuit-half-open", "#F0E442"),
    SHORT_CIRCUIT("-policy-short-circuit", "#D55E00"),
    RATE_LIMITED("-policy-rate-limited", "#0072B2"),
    FALLBACK("-policy-fallback", "#009E73");

    private final String token;
    private final String lightDefault;

    PolicyMark(String token, String lightDefault) {
        this.token = token;
        this.lightDefault = lightDefault;
    }

    /// The CSS looked-up color that themes it.
    public String token() {
        return token;
    }

    /// The light theme's value (as in app.css), for drawing without a scene.
    String lightDefault() {
        return lightDefault;
    }
}
