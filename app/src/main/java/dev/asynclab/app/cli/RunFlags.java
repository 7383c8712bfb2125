package dev.asynclab.app.cli;

import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import picocli.CommandLine.Option;

/// The flags `run` and `sweep` share: what a run may override in its scenario.
final class RunFlags {

    @Option(names = "--clock", description = "real or simulated (default: the scenario's).")
    ClockMode clock;

    @Option(names = "--seed", description = "Seed for every random draw (default: the scenario's).")
    Long seed;

    @Option(names = "--speed", description = "Slow motion: 0.1 runs ten times slower (default: the scenario's).")
    Double speed;

    /// Refuses a `--speed` the run cannot take, naming the option (the run's own check said "speed must be > 0").
    void check(picocli.CommandLine.Model.CommandSpec spec) {
        OptionValues.require(speed == null || speed > 0 && Double.isFinite(speed), spec, "--speed", speed,
                "must be > 0 (0.1 runs ten times slower)");
    }

    RunOptions options() {
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
        return o;
    }
}
