package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;

/// Run options the tests use.
final class RunSpecs {

    private RunSpecs() {
    }

    static RunOptions simulated(int poolSize) {
        return RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withPoolSize(poolSize);
    }
}
