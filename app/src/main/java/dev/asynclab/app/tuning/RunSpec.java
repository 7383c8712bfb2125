package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;

/// One side of a comparison: a run of the scenario at a pool size, with a seed, on a clock.
///
/// ```java
/// RunOptions options = new RunSpec(4, 14, ClockMode.SIMULATED).options();
/// ```
public record RunSpec(int poolSize, long seed, ClockMode clock) {

    public RunSpec {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, was " + poolSize);
        }
    }

    public RunOptions options() {
        return RunOptions.DEFAULTS.withClock(clock).withSeed(seed).withPoolSize(poolSize);
    }

    /// Like "pool 4, seed 14, simulated".
    public String label() {
        return "pool " + poolSize + ", seed " + seed + ", " + clock.name().toLowerCase();
    }
}
