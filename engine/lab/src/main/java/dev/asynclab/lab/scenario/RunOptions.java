package dev.asynclab.lab.scenario;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/// What a run may override in its scenario (the command line's flags, the app's toolbar).
///
/// ```java
/// var options = RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withPoolSize(8).withSeed(7);
/// ```
///
/// @param clock    the clock, or the scenario's
/// @param seed     the seed, or the scenario's
/// @param speed    simulated seconds per wall second when paced, or the scenario's speed
/// @param poolSize the pool size, or the scenario's (a scenario without a pool gets one of this size)
/// @param paced    on the simulated clock: advance at `speed` times wall time (to watch it) rather than at once
public record RunOptions(Optional<ClockMode> clock, OptionalLong seed, OptionalDouble speed, OptionalInt poolSize,
                         boolean paced) {

    public static final RunOptions DEFAULTS = new RunOptions(Optional.empty(), OptionalLong.empty(),
            OptionalDouble.empty(), OptionalInt.empty(), false);

    public RunOptions withClock(ClockMode clock) {
        return new RunOptions(Optional.of(clock), seed, speed, poolSize, paced);
    }

    public RunOptions withSeed(long seed) {
        return new RunOptions(clock, OptionalLong.of(seed), speed, poolSize, paced);
    }

    public RunOptions withSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        return new RunOptions(clock, seed, OptionalDouble.of(speed), poolSize, paced);
    }

    public RunOptions withPoolSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, was " + size);
        }
        return new RunOptions(clock, seed, speed, OptionalInt.of(size), paced);
    }

    public RunOptions withPaced(boolean paced) {
        return new RunOptions(clock, seed, speed, poolSize, paced);
    }

    ClockMode clockFor(Scenario s) {
        return clock.orElse(s.clock());
    }

    long seedFor(Scenario s) {
        return seed.orElse(s.seed());
    }

    double speedFor(Scenario s) {
        return speed.orElse(s.speed());
    }
}
