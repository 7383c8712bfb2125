package dev.asynclab.app.tuning;

import java.time.Duration;

/// The what-if knobs: arrivals sped up or slowed down by a factor, a pool size, every callback's timeout (zero:
/// none) and its retry attempts (tries in all, the first included).
///
/// ```java
/// var settings = new WhatIfSettings(1.5, 6, Duration.ofMillis(200), 3);
/// Scenario changed = ScenarioVariant.apply(scenario, settings);
/// ```
public record WhatIfSettings(double arrivalScale, int poolSize, Duration timeout, int retryAttempts) {

    public WhatIfSettings {
        if (!(arrivalScale > 0)) {
            throw new IllegalArgumentException("arrival rate factor must be > 0, was " + arrivalScale);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, was " + poolSize);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0, was " + timeout);
        }
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("retry attempts count tries in all and must be >= 1, was "
                    + retryAttempts);
        }
    }
}
