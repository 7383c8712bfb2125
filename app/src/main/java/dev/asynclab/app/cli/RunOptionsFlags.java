package dev.asynclab.app.cli;

import dev.asynclab.engine.scenario.ClockMode;
import dev.asynclab.engine.scenario.RunOptions;

/// Turns the optional `--clock --seed --speed --pool` flags into run options.
final class RunOptionsFlags {

    private RunOptionsFlags() {
    }

    static RunOptions of(ClockMode clock, Long seed, Double speed, Integer pool) {
        RunOptions o = RunOptions.DEFAULTS;
        if (clock != null) {
            o = o.withClock(clock);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (speed != null) {
            o = o.withSpeed(speed);
        }
        if (pool != null) {
            o = o.withPoolSize(pool);
        }
        return o;
    }
}
