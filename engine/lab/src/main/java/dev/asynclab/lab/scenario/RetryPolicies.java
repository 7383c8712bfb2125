package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;

import java.time.Duration;
import java.util.function.UnaryOperator;

/// A scenario's `retry:` block is the engine's [RetryPolicy] itself (`attempts` is its `maxAttempts`,
/// `max_delay` its `maxDelay`, `retry_on` its `retryOn`, ...); this holds what a scenario adds: the policy of a
/// callback that declares none, and copies with one thing changed. It is the one place that lists the policy's
/// settings, through its builder and accessors only.
///
/// ```java
/// RetryPolicy five = RetryPolicies.withMaxAttempts(callback.retry(), 5); // the same policy, five tries
/// ```
public final class RetryPolicies {

    /// One try, no retry: what a callback gets when neither it nor `defaults:` says `retry:`.
    public static final RetryPolicy NONE = RetryPolicy.builder().maxAttempts(1).delay(Duration.ZERO).build();

    private RetryPolicies() {
    }

    /// True when the policy allows more than one try.
    public static boolean retries(RetryPolicy policy) {
        return policy.maxAttempts() > 1;
    }

    /// The same policy with `maxAttempts` tries in all.
    public static RetryPolicy withMaxAttempts(RetryPolicy policy, int maxAttempts) {
        return copyOf(policy).maxAttempts(maxAttempts).build();
    }

    /// The same policy with every duration (delay, cap, deadline) passed through `scale`: a run slowed down by
    /// its `speed` waits proportionally longer between tries.
    static RetryPolicy scaled(RetryPolicy policy, UnaryOperator<Duration> scale) {
        return copyOf(policy).delay(scale.apply(policy.delay()))
                .backoff(policy.backoff(), scale.apply(policy.maxDelay()))
                .deadline(scale.apply(policy.deadline()))
                .build();
    }

    private static RetryPolicy.Builder copyOf(RetryPolicy p) {
        return RetryPolicy.builder().maxAttempts(p.maxAttempts()).delay(p.delay()).backoff(p.backoff(), p.maxDelay())
                .jitter(p.jitter()).retryOn(p.retryOn()).retryTimeouts(p.retryTimeouts()).deadline(p.deadline());
    }
}
