package dev.asynclab.app.tuning;

import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.lab.scenario.Arrival;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.GroupSpec;
import dev.asynclab.lab.scenario.PoolSpec;
import dev.asynclab.lab.scenario.RetryPolicies;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.Step;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;

import java.time.Duration;
import java.util.Optional;

/// Builds a modified copy of a scenario for a what-if: arrival offsets divided by the rate factor (twice the rate,
/// half the gaps), the pool resized, every callback's timeout and retry attempts replaced. The scenario records
/// are immutable, so this rebuilds the steps; group timeouts and the rest of each retry policy are kept.
///
/// ```java
/// Scenario faster = ScenarioVariant.apply(scenario, new WhatIfSettings(2.0, 4, Duration.ofMillis(300), 1));
/// ```
public final class ScenarioVariant {

    private ScenarioVariant() {
    }

    public static Scenario apply(Scenario s, WhatIfSettings w) {
        var pool = s.pool().map(p -> new PoolSpec(w.poolSize(), p.queueCapacity(), p.threads()))
                .orElse(new PoolSpec(w.poolSize(), -1, ThreadMode.VIRTUAL));
        var steps = s.steps().stream().map(step -> topLevel(step, w)).toList();
        return new Scenario(s.name(), s.description(), s.seed(), s.clock(), s.speed(), Optional.of(pool),
                s.defaults(), steps, s.cancelAllAt(), s.expect(), s.tour(), s.source());
    }

    private static Step topLevel(Step step, WhatIfSettings w) {
        Arrival arrival = scale(step.arrival(), w.arrivalScale());
        return switch (step) {
            case CallbackSpec cb -> callback(cb, arrival, w);
            case GroupSpec g -> new GroupSpec(g.kind(), g.name(), g.count(), arrival, g.timeout(), g.hedgeDelay(),
                    g.members().stream().map(m -> member(m, w)).toList(), g.position());
        };
    }

    private static Step member(Step step, WhatIfSettings w) {
        return switch (step) {
            case CallbackSpec cb -> callback(cb, cb.arrival(), w);
            case GroupSpec g -> new GroupSpec(g.kind(), g.name(), g.count(), g.arrival(), g.timeout(),
                    g.hedgeDelay(), g.members().stream().map(m -> member(m, w)).toList(), g.position());
        };
    }

    private static CallbackSpec callback(CallbackSpec cb, Arrival arrival, WhatIfSettings w) {
        RetryPolicy retry = RetryPolicies.withMaxAttempts(cb.retry(), w.retryAttempts());
        return new CallbackSpec(cb.name(), cb.count(), arrival, cb.work(), cb.fail(), w.timeout(), retry,
                cb.cancelAfter(), cb.position(), cb.resilience());
    }

    /// `factor` times the rate: every offset divided by it.
    static Arrival scale(Arrival a, double factor) {
        return a.faster(factor);
    }
}
