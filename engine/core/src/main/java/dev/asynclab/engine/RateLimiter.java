package dev.asynclab.engine;

import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;
import java.util.Objects;

/// A rate limiter: a token bucket that lets `limit` calls through per `period` on average, and up to `burst` at
/// once after a quiet spell. A call that finds the bucket empty waits for its token, on the engine's clock and
/// without holding a thread, if the token comes within `maxWait`; otherwise it ends `REJECTED`
/// (`rate limiter 'api' has no permit within 0 ms`). Either way a `RATE_LIMITED` event says so: `duration` is
/// the wait, `value` says `waited` or `refused`.
///
/// Tokens come back one every `period / limit`, continuously (the generic cell rate algorithm), not all at once
/// at each period's start as in resilience4j; a caller that waited keeps its token even when cancelled.
/// Shared by every callback that uses it. Thread-safe.
///
/// ```java
/// var limiter = RateLimiter.builder("api").runtime(runtime)
///         .limit(10, Duration.ofSeconds(1)).burst(5).maxWait(Duration.ofMillis(500))
///         .build();
/// AsyncCallbacks.execute(pool, Task.call("call-api", api, Duration.ofSeconds(1)).withRateLimiter(limiter));
/// ```
public final class RateLimiter {

    /* Overview: one number of state, the theoretical arrival time `tat` of the next token (GCRA). A call at
     * `now` takes the token due at max(tat, now) + interval; it may go at once if that lies within the burst
     * allowance (burst × interval) of now, else it must wait for the difference. Taking a token moves tat on by
     * one interval; a refused call leaves it alone. All under the limiter's lock, a few arithmetic steps. */

    private final String name;
    private final int limit;
    private final Duration period;
    private final int burst;
    private final long intervalNanos;
    private final long allowanceNanos;
    private final long maxWaitNanos;
    private final Scheduler clock;
    private long tat = Long.MIN_VALUE;

    private RateLimiter(Builder b) {
        this.name = b.name;
        this.limit = b.limit;
        this.period = b.period;
        this.burst = b.burst == 0 ? b.limit : b.burst;
        this.intervalNanos = Math.max(1, b.period.toNanos() / b.limit);
        this.allowanceNanos = intervalNanos * this.burst;
        this.maxWaitNanos = b.maxWait.toNanos();
        this.clock = b.runtime.scheduler();
    }

    /// A limiter named `name`; set at least `limit`.
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /// Takes a token: 0 when the call may go now, the nanoseconds it must wait first, or -1 when that wait
    /// would pass `maxWait` (then nothing is taken).
    public synchronized long reservePermission() {
        long now = clock.nanoTime();
        long base = tat == Long.MIN_VALUE ? now : Math.max(tat, now);
        long next = base + intervalNanos;
        long wait = next - allowanceNanos - now;
        if (wait > maxWaitNanos) {
            return -1;
        }
        tat = next;
        return Math.max(0, wait);
    }

    /// Why a call was refused, in words for the `REJECTED` event.
    public String refusal() {
        return "rate limiter '" + name + "' (" + limit + " per " + period.toMillis() + " ms, burst " + burst
                + ") has no permit within " + Duration.ofNanos(maxWaitNanos).toMillis() + " ms";
    }

    @Override
    public String toString() {
        return "RateLimiter[" + name + ", " + limit + " per " + period.toMillis() + " ms, burst " + burst + "]";
    }

    /// Settings for a limiter.
    public static final class Builder {
        private final String name;
        private int limit;
        private Duration period = Duration.ofSeconds(1);
        private int burst;
        private Duration maxWait = Duration.ZERO;
        private AsyncCallbackRuntime runtime = AsyncCallbackRuntime.defaultRuntime();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /// The clock the limiter counts on (default: the default runtime's). Use the runtime of the calls it
        /// limits.
        public Builder runtime(AsyncCallbackRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /// `permits` calls per `period`, on average.
        public Builder limit(int permits, Duration period) {
            this.limit = permits;
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /// How many calls may go at once after a quiet spell (the bucket's size); default (or 0): `limit`; negative is
        /// refused with `IllegalArgumentException` at `build`.
        public Builder burst(int burst) {
            this.burst = burst;
            return this;
        }

        /// How long a call may wait for its token; past that it is refused. Default: zero, no waiting.
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        public RateLimiter build() {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1 call per period, was " + limit);
            }
            if (period.toNanos() < limit) {
                throw new IllegalArgumentException("period must be at least one nanosecond per call");
            }
            if (burst < 0) {
                throw new IllegalArgumentException("burst must not be negative, was " + burst);
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative");
            }
            return new RateLimiter(this);
        }
    }
}
