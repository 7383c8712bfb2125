package dev.asynclab.lab.scenario;

/// Which clock a scenario runs on by default (`clock: real | simulated`).
///
/// ```java
/// Scheduler scheduler = scenario.clock() == ClockMode.REAL ? RealScheduler.shared() : new SimulatedScheduler();
/// ```
public enum ClockMode {
    /// Wall time, real threads: work really sleeps or spins.
    REAL,
    /// A discrete-event clock: instant and deterministic.
    SIMULATED
}
