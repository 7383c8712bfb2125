package dev.asynclab.engine;

import java.time.Duration;
import java.util.Set;

/// When and how often to try again.
///
/// `maxAttempts` counts tries in all: 3 means the first try and at most two retries (as Failsafe's
/// `maxAttempts`). The delay before retry n (n = 1 for the first retry) is
/// `min(maxDelay, delay × backoff^(n-1))` (`maxDelay` zero: no cap), then spread by ±`jitter` (a fraction:
/// 0.2 = ±20 %). Values out of range (`maxAttempts` < 1, `backoff` < 1, `jitter` outside [0, 1], a negative
/// duration) are refused with `IllegalArgumentException`. A failure is
/// retried when its error type is in `retryOn` (all failures when empty); a timeout when `retryTimeouts`.
/// Cancelled and rejected invocations are never retried. With a `deadline`, no attempt starts or runs past
/// it: each attempt's timeout is cut to the time that is left.
///
/// ```java
/// RetryPolicy policy = RetryPolicy.builder()
///         .maxAttempts(4)
///         .delay(Duration.ofMillis(100)).backoff(2.0, Duration.ofSeconds(1)).jitter(0.2)
///         .retryOn("IOException").retryTimeouts(true)
///         .deadline(Duration.ofSeconds(3))
///         .build();
/// ```
public record RetryPolicy(int maxAttempts, Duration delay, double backoff, Duration maxDelay, double jitter,
                          Set<String> retryOn, boolean retryTimeouts, Duration deadline) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts counts tries in all and must be at least 1");
        }
        if (!(backoff >= 1.0) || Double.isInfinite(backoff)) { // NaN fails every comparison: refuse it too
            throw new IllegalArgumentException("backoff must be at least 1.0 (1.0 = a fixed delay), was " + backoff);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter is a fraction from 0 to 1, was " + jitter);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or more, was " + delay);
        }
        maxDelay = AsyncCallbackRuntime.limit(maxDelay, "maxDelay");
        deadline = AsyncCallbackRuntime.limit(deadline, "deadline");
        retryOn = retryOn == null ? Set.of() : Set.copyOf(retryOn);
    }

    /// Three tries in all, 100 ms apart, every failure and timeout retried.
    public static RetryPolicy ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /// Whether a result is worth another try (attempts left aside).
    public boolean shouldRetry(AsyncCallbackResult result) {
        return switch (result.status()) {
            case FAILED -> retryOn.isEmpty() || retryOn.contains(result.errorType());
            case TIMED_OUT -> retryTimeouts;
            case SUCCEEDED, CANCELLED, REJECTED -> false;
        };
    }

    /// The delay before retry `retry` (1 for the first retry), with `random` in [0, 1) spreading the jitter.
    public long delayNanos(int retry, double random) {
        double base = delay.toNanos() * Math.pow(backoff, Math.max(0, retry - 1));
        long cap = maxDelay == null || maxDelay.isZero() ? Long.MAX_VALUE : maxDelay.toNanos();
        double capped = Math.min(base, (double) cap);
        double spread = capped * jitter * (2 * random - 1);
        return Math.max(0, Math.round(capped + spread));
    }

    public static final class Builder {
        private int maxAttempts = 3;
        private Duration delay = Duration.ofMillis(100);
        private double backoff = 1.0;
        private Duration maxDelay = Duration.ZERO;
        private double jitter;
        private Set<String> retryOn = Set.of();
        private boolean retryTimeouts = true;
        private Duration deadline = Duration.ZERO;

        private Builder() {
        }

        /// Tries in all (not retries): 3 = one try and two retries.
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /// Exponential backoff: each delay `factor` times the one before, at most `maxDelay` (zero: no cap).
        public Builder backoff(double factor, Duration maxDelay) {
            this.backoff = factor;
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder jitter(double fraction) {
            this.jitter = fraction;
            return this;
        }

        /// Retry only failures of these error types (simple names, e.g. "IOException").
        public Builder retryOn(String... errorTypes) {
            this.retryOn = Set.of(errorTypes);
            return this;
        }

        public Builder retryOn(Set<String> errorTypes) {
            this.retryOn = errorTypes;
            return this;
        }

        public Builder retryTimeouts(boolean retryTimeouts) {
            this.retryTimeouts = retryTimeouts;
            return this;
        }

        /// An overall deadline across all attempts, from the first start; zero for none.
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, delay, backoff, maxDelay, jitter, retryOn, retryTimeouts, deadline);
        }
    }
}
