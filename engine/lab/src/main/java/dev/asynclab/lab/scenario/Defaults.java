package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;

import java.time.Duration;

/// `defaults: { timeout: 500ms, retry: {...} }`: what callbacks that say nothing get. Already applied to every
/// `CallbackSpec` by the loader; kept for display.
///
/// ```java
/// Duration fallback = scenario.defaults().timeout(); // 30 s unless the file says otherwise
/// ```
public record Defaults(Duration timeout, RetryPolicy retry) {

    /// A 30 s timeout, as the engine's default, and no retry.
    public static final Defaults STANDARD = new Defaults(Duration.ofSeconds(30), RetryPolicies.NONE);
}
