package dev.asynclab.engine;

import dev.asynclab.engine.internal.TimeBuckets;
import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;
import java.util.Objects;

/// A retry budget: retries may add at most a share of the calls made, over a sliding window, plus a small
/// floor per second, however many callbacks share it (tower's `TpsBudget`; failsafe-go's budgets). Retry
/// policies cap the retries of one call; a budget caps them across all calls, which is what stops retries from
/// multiplying the load on a dependency that is already failing.
///
/// Every call that uses the budget deposits one; every retry withdraws one. A retry is allowed while
/// `minPerSecond × window + ratio × calls − retries ≥ 1` over the window. A retry the budget refuses is not
/// made: the call ends with its last attempt's result and a `BUDGET_EXHAUSTED` event says so. Thread-safe.
///
/// ```java
/// var budget = RetryBudget.builder("backend").runtime(runtime)
///         .ratio(0.2).minPerSecond(1).window(Duration.ofSeconds(10)).build();
/// Task call = Task.call("fetch", fetch, Duration.ofMillis(100))
///         .withRetry(RetryPolicy.builder().maxAttempts(4).build())
///         .withRetryBudget(budget);
/// ```
public final class RetryBudget {

    /* Overview: two counters (calls, retries) in ten time buckets on the engine's clock, under the budget's
     * lock; a withdrawal checks and counts in one step, so two retries cannot both take the last unit. */

    private static final int CALLS = 0;
    private static final int RETRIES = 1;

    private final String name;
    private final double ratio;
    private final double minPerSecond;
    private final Duration window;
    private final double floor;
    private final Scheduler clock;
    private final TimeBuckets buckets;

    private RetryBudget(Builder b) {
        this.name = b.name;
        this.ratio = b.ratio;
        this.minPerSecond = b.minPerSecond;
        this.window = b.window;
        this.floor = b.minPerSecond * b.window.toNanos() / 1e9;
        this.clock = b.runtime.scheduler();
        this.buckets = new TimeBuckets(b.window.toNanos(), 2);
    }

    /// A budget named `name` with tower's defaults: 20 % of calls, 10 retries a second, over 10 s.
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /// Counts a call (its first attempt).
    public synchronized void deposit() {
        buckets.add(clock.nanoTime(), CALLS, 1);
    }

    /// Takes one retry from the budget; false when none is left (then nothing is taken).
    public synchronized boolean tryWithdraw() {
        long now = clock.nanoTime();
        double left = floor + ratio * buckets.sum(now, CALLS) - buckets.sum(now, RETRIES);
        if (left < 1) {
            return false;
        }
        buckets.add(now, RETRIES, 1);
        return true;
    }

    /// What the window holds now, in words for the `BUDGET_EXHAUSTED` event.
    public synchronized String describe() {
        long now = clock.nanoTime();
        return "retry budget '" + name + "' spent: " + buckets.sum(now, RETRIES) + " retries for "
                + buckets.sum(now, CALLS) + " calls in the last " + window.toMillis() + " ms (ratio " + num(ratio)
                + ", floor " + num(minPerSecond) + "/s)";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return "RetryBudget[" + name + ", ratio " + num(ratio) + ", floor " + num(minPerSecond) + "/s, "
                + window.toMillis() + " ms]";
    }

    /// Settings for a budget.
    public static final class Builder {
        private final String name;
        private double ratio = 0.2;
        private double minPerSecond = 10;
        private Duration window = Duration.ofSeconds(10);
        private AsyncCallbackRuntime runtime = AsyncCallbackRuntime.defaultRuntime();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /// The clock the budget counts on (default: the default runtime's). Use the runtime of its calls.
        public Builder runtime(AsyncCallbackRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /// Retries allowed per call made, as a fraction (0.2: one retry for every five calls).
        public Builder ratio(double ratio) {
            this.ratio = ratio;
            return this;
        }

        /// Retries allowed per second whatever the traffic, so a quiet service can still retry.
        public Builder minPerSecond(double perSecond) {
            this.minPerSecond = perSecond;
            return this;
        }

        /// How far back calls and retries count.
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        public RetryBudget build() {
            if (!(ratio >= 0 && ratio <= 1000)) {
                throw new IllegalArgumentException("ratio must be from 0 to 1000, was " + ratio);
            }
            if (!(minPerSecond >= 0)) {
                throw new IllegalArgumentException("minPerSecond must not be negative, was " + minPerSecond);
            }
            if (window.toMillis() < 1) {
                throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
            }
            return new RetryBudget(this);
        }
    }
}
