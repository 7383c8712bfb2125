package dev.asynclab.lab.scenario;

import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/// A loaded scenario: everything a run needs, immutable and already checked. Built by `ScenarioLoader`.
///
/// No `pool` means no pool: every invocation starts on its own worker when it arrives. `cancelAllAt` is the
/// offset at which everything still queued or running is cancelled. `tour` walks a learner through a run (empty
/// when the file has none). `source` is the file it came from, if any.
///
/// ```java
/// Scenario s = ScenarioLoader.load(Path.of("scenarios/01-timeout.yaml"));
/// for (Step step : s.steps()) System.out.println(step.name() + " ×" + step.count());
/// List<String> failures = s.expect().check(observedCounts);
/// ```
public record Scenario(String name, String description, long seed, ClockMode clock, double speed,
                       Optional<PoolSpec> pool, Defaults defaults, List<Step> steps, Optional<Duration> cancelAllAt,
                       Expectation expect, Tour tour, Optional<Path> source) {

    public Scenario {
        steps = List.copyOf(steps);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
    }

    /// The same scenario on another clock (`run --clock`).
    public Scenario withClock(ClockMode newClock) {
        return new Scenario(name, description, seed, newClock, speed, pool, defaults, steps, cancelAllAt, expect,
                tour, source);
    }

    /// The same scenario with another seed (`run --seed`).
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, clock, speed, pool, defaults, steps, cancelAllAt, expect,
                tour, source);
    }

    /// The same scenario at another pace (`run --speed`).
    public Scenario withSpeed(double newSpeed) {
        return new Scenario(name, description, seed, clock, newSpeed, pool, defaults, steps, cancelAllAt, expect,
                tour, source);
    }

    /// The same scenario on a pool of `size` (`run --pool`, `sweep`): queue and threads kept, or an unbounded
    /// queue of virtual threads when the scenario had no pool.
    public Scenario withPoolSize(int size) {
        PoolSpec resized = pool.map(p -> new PoolSpec(size, p.queueCapacity(), p.threads()))
                .orElse(new PoolSpec(size, -1, ThreadMode.VIRTUAL));
        return new Scenario(name, description, seed, clock, speed, Optional.of(resized), defaults, steps,
                cancelAllAt, expect, tour, source);
    }

    /// The number of first attempts the scenario submits: top-level counts, each group counting its members.
    public long invocationCount() {
        return steps.stream().mapToLong(Scenario::invocations).sum();
    }

    private static long invocations(Step step) {
        return switch (step) {
            case CallbackSpec cb -> cb.count();
            case GroupSpec group -> group.count() * group.members().stream().mapToLong(Scenario::invocations).sum();
        };
    }
}
