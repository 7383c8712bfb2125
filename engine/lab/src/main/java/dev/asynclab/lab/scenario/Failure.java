package dev.asynclab.lab.scenario;

/// Injected failures of a callback.
///
/// An attempt fails when `attempt <= first`, or else with `probability`. A failing attempt throws
/// `error` with `message` at the end of its work. `hang` makes the work ignore the interrupt of a timeout or
/// cancel and run to its end anyway, so the engine records a late finish.
///
/// ```java
/// Failure flaky = new Failure(0.1, "IOException", "connection reset", 0, false);
/// boolean fails = flaky.failsOn(attempt, random.nextDouble());
/// ```
public record Failure(double probability, String error, String message, int first, boolean hang) {

    /// Never fails, never hangs.
    public static final Failure NONE = new Failure(0, "RuntimeException", "injected failure", 0, false);

    public Failure {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
        }
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0, was " + first);
        }
    }

    /// Whether attempt number `attempt` (1-based) fails, given a uniform draw in [0, 1).
    public boolean failsOn(int attempt, double draw) {
        return attempt <= first || draw < probability;
    }
}
