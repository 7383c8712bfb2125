package dev.asynclab.lab.scenario;

import java.time.Duration;
import dev.asynclab.engine.RetryPolicy;
import java.util.List;
import java.util.Set;

/// When and how a failed invocation is tried again.
///
/// `attempts` counts tries in all, the first included (like Failsafe's `maxAttempts`): `attempts: 3` is one
/// try and at most two retries; `attempts: 1` never retries. The wait before try n+1 is
/// `delay * backoff^(n-1)`, capped at `maxDelay` (zero: no cap), then spread by ±`jitter` (a fraction).
/// `retryOn` names the error types that are retried (empty: all); `retryTimeouts` says whether a timed-out
/// attempt is retried; `deadline` bounds all attempts together, counted from the first start: no attempt starts
/// or runs past it (zero: no deadline). `toPolicy()` gives the engine's `RetryPolicy`, which means the same.
///
/// ```java
/// Retry retry = new Retry(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.2, List.of(), true,
///         Duration.ZERO);
/// Duration wait = retry.delayAfter(1, random.nextDouble()); // 80..120 ms
/// ```
public record Retry(int attempts, Duration delay, double backoff, Duration maxDelay, double jitter,
                    List<String> retryOn, boolean retryTimeouts, Duration deadline) {

    /// One try, no retry.
    public static final Retry NONE = new Retry(1, Duration.ZERO, 1.0, Duration.ZERO, 0, List.of(), true,
            Duration.ZERO);

    public Retry {
        retryOn = List.copyOf(retryOn);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts counts tries in all and must be >= 1, was " + attempts);
        }
        if (backoff < 1) {
            throw new IllegalArgumentException("backoff must be >= 1, was " + backoff);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
        }
    }

    /// The engine's policy with the same meaning, for `AsyncCallbacks.executeWithRetry`.
    public RetryPolicy toPolicy() {
        return new RetryPolicy(attempts, delay, backoff, maxDelay, jitter, Set.copyOf(retryOn), retryTimeouts,
                deadline);
    }

    /// True when more than one try is allowed.
    public boolean enabled() {
        return attempts > 1;
    }

    /// Whether a failure of this error type may be retried (the attempt count aside).
    public boolean retriesOn(String errorType) {
        return retryOn.isEmpty() || retryOn.contains(errorType);
    }

    /// The wait after failed try number `attempt` (1-based) before the next, given a uniform draw in [0, 1)
    /// for the jitter.
    public Duration delayAfter(int attempt, double draw) {
        double nanos = delay.toNanos() * Math.pow(backoff, attempt - 1);
        if (!maxDelay.isZero()) {
            nanos = Math.min(nanos, maxDelay.toNanos());
        }
        nanos *= 1 + jitter * (2 * draw - 1);
        return Duration.ofNanos(Math.round(Math.min(nanos, Long.MAX_VALUE)));
    }
}
