package dev.asynclab.engine;

import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.internal.OutcomeWindow;
import dev.asynclab.engine.spi.Scheduler;

import dev.asynclab.engine.AsyncCallbackResult.Status;

import java.time.Duration;
import java.util.Objects;

/// A circuit breaker: it watches the outcomes of the calls it guards and, when too many fail or are slow,
/// refuses calls for a while, so a failing dependency gets air instead of a retry storm. The settings are
/// resilience4j's `CircuitBreakerConfig`'s.
///
/// ```
/// CLOSED ──(failure or slow-call rate ≥ threshold over ≥ minimumCalls)──► OPEN
/// OPEN ──(first call after waitInOpenState)──► HALF_OPEN: halfOpenCalls probes go through
/// HALF_OPEN ──(every probe back, rates below the thresholds)──► CLOSED    (else back to OPEN)
/// ```
///
/// - A call counts as failed when it ends `FAILED` or `TIMED_OUT`, as slow when it ran at least
///   `slowCallDuration` (failed or not). `CANCELLED` and `REJECTED` calls say nothing about the dependency and
///   are not recorded (a half-open probe that ends so gives its place back).
/// - Calls refused while open (or while half-open with every probe taken) end `REJECTED`, and the message says
///   why: `circuit 'payments' is open`.
/// - The move from open to half-open happens at the first call after the wait, as in resilience4j's default:
///   the breaker has no timer of its own.
/// - Each state change is an event: `CIRCUIT_OPENED`, `CIRCUIT_HALF_OPENED`, `CIRCUIT_CLOSED`, named after the
///   breaker, with the reason in `value`.
///
/// A breaker belongs to one runtime (its clock and its event bus) and may guard any number of callbacks of that
/// runtime, in any pool: they share its state. Thread-safe.
///
/// ```java
/// var breaker = CircuitBreaker.builder("payments").runtime(runtime)
///         .countWindow(10).minimumCalls(5).failureRateThreshold(50)
///         .waitInOpenState(Duration.ofSeconds(1)).halfOpenCalls(2)
///         .build();
/// Task pay = Task.call("pay", payCall, Duration.ofMillis(200))
///         .withRetry(RetryPolicy.ofDefaults())
///         .withCircuitBreaker(breaker);
/// AsyncCallbacks.execute(pool, pay);
/// ```
public final class CircuitBreaker {

    /// Where a breaker stands.
    public enum State {
        /// Calls go through; outcomes are recorded in the sliding window.
        CLOSED,
        /// Calls are refused until the wait in the open state has passed.
        OPEN,
        /// A few probe calls go through; their outcomes decide between closed and open.
        HALF_OPEN
    }

    /* Overview: every method takes the breaker's lock, for a few field updates; events are emitted under it so
     * that the log shows transitions in the order they happened. Callbacks never run under it. */

    private final String name;
    private final boolean timeWindow;
    private final int windowCalls;
    private final Duration windowTime;
    private final int minimumCalls;
    private final double failureRateThreshold;
    private final double slowCallRateThreshold; // NaN: no slow-call rule
    private final long slowCallNanos;
    private final long waitNanos;
    private final int halfOpenCalls;
    private final Scheduler clock;
    private final Emitter emitter;
    private final OutcomeWindow window;

    private State state = State.CLOSED;
    private long openedAt;
    private int probesPermitted;
    private int probesDone;
    private int probeFailures;
    private int probeSlow;

    private CircuitBreaker(Builder b) {
        this.name = b.name;
        this.timeWindow = b.windowTime != null;
        this.windowCalls = b.windowCalls;
        this.windowTime = b.windowTime;
        this.minimumCalls = b.minimumCalls;
        this.failureRateThreshold = b.failureRateThreshold;
        this.slowCallRateThreshold = b.slowCallRateThreshold;
        this.slowCallNanos = b.slowCallDuration.toNanos();
        this.waitNanos = b.waitInOpenState.toNanos();
        this.halfOpenCalls = b.halfOpenCalls;
        this.clock = b.runtime.scheduler();
        this.emitter = b.runtime.emitter();
        this.window = timeWindow ? OutcomeWindow.ofTime(windowTime.toNanos()) : OutcomeWindow.ofCalls(windowCalls);
    }

    /// A breaker named `name` (the name its events carry), with resilience4j's defaults: a window of the last
    /// 100 calls, at least 100 calls, 50 % failures, no slow-call rule, 60 s open, 10 half-open probes.
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public synchronized State state() {
        return state;
    }

    /// Asks to let one call through. True: go, and report the outcome with `onResult` (or give the permission
    /// back with `releasePermission` if the call never ran). False: refuse the call.
    public synchronized boolean tryAcquirePermission() {
        if (state == State.OPEN) {
            long openFor = clock.nanoTime() - openedAt;
            if (openFor < waitNanos) {
                return false;
            }
            halfOpen(openFor);
        }
        if (state == State.HALF_OPEN) {
            if (probesPermitted >= halfOpenCalls) {
                return false;
            }
            probesPermitted++;
        }
        return true;
    }

    /// Why a call is refused now, in words for the `REJECTED` event.
    public synchronized String refusal() {
        return switch (state) {
            case OPEN -> "circuit '" + name + "' is open (for "
                    + Duration.ofNanos(Math.max(0, waitNanos - (clock.nanoTime() - openedAt))).toMillis()
                    + " ms more)";
            case HALF_OPEN -> "circuit '" + name + "' is half-open and its " + halfOpenCalls
                    + " probe calls are taken";
            case CLOSED -> "circuit '" + name + "' refused the call";
        };
    }

    /// Gives back a permission whose call never ran (refused further in, or cancelled before it started).
    public synchronized void releasePermission() {
        if (state == State.HALF_OPEN && probesPermitted > probesDone) {
            probesPermitted--;
        }
    }

    /// Records the outcome of a call this breaker let through.
    public synchronized void onResult(AsyncCallbackResult result) {
        boolean counts = switch (result.status()) {
            case SUCCEEDED, FAILED, TIMED_OUT -> true;
            case CANCELLED, REJECTED -> false;
        };
        if (!counts) {
            releasePermission();
            return;
        }
        boolean failed = result.status() != Status.SUCCEEDED;
        boolean slow = !Double.isNaN(slowCallRateThreshold) && result.executionTime().toNanos() >= slowCallNanos;
        long now = clock.nanoTime();
        switch (state) {
            case CLOSED -> {
                window.record(now, failed, slow);
                int calls = window.calls(now);
                if (calls >= minimumCalls) {
                    String why = verdict(calls, window.failures(now), window.slowCalls(now));
                    if (why != null) {
                        open(now, why + " over the last " + calls + " calls");
                    }
                }
            }
            case HALF_OPEN -> {
                if (probesDone >= probesPermitted) {
                    return; // a call let through before the breaker opened, ending late: not a probe
                }
                probesDone++;
                probeFailures += failed ? 1 : 0;
                probeSlow += slow ? 1 : 0;
                if (probesDone == halfOpenCalls) {
                    String why = verdict(probesDone, probeFailures, probeSlow);
                    if (why != null) {
                        open(now, why + " among " + probesDone + " probe calls");
                    } else {
                        close(probesDone - probeFailures + " of " + probesDone + " probe calls succeeded");
                    }
                }
            }
            case OPEN -> {
                // a call let through before the breaker opened, ending late: the verdict is already in
            }
        }
    }

    /// The reason to open, or null when the rates are below both thresholds.
    private String verdict(int calls, int failures, int slow) {
        double failureRate = 100.0 * failures / calls;
        if (failureRate >= failureRateThreshold) {
            return "failure rate " + percent(failureRate) + " >= " + percent(failureRateThreshold);
        }
        double slowRate = 100.0 * slow / calls;
        if (slowRate >= slowCallRateThreshold) { // never true for NaN: no slow-call rule
            return "slow-call rate " + percent(slowRate) + " >= " + percent(slowCallRateThreshold) + " (at least "
                    + Duration.ofNanos(slowCallNanos).toMillis() + " ms)";
        }
        return null;
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? (long) p + "%" : String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }

    private void open(long now, String why) {
        state = State.OPEN;
        openedAt = now;
        window.clear();
        emitter.emit(EventType.CIRCUIT_OPENED, 0, 0, 0, name, null, waitNanos, null, null, why, -1);
    }

    private void halfOpen(long openFor) {
        state = State.HALF_OPEN;
        probesPermitted = 0;
        probesDone = 0;
        probeFailures = 0;
        probeSlow = 0;
        emitter.emit(EventType.CIRCUIT_HALF_OPENED, 0, 0, 0, name, null, openFor, null, null,
                "letting " + halfOpenCalls + " probe calls through", -1);
    }

    private void close(String why) {
        state = State.CLOSED;
        window.clear();
        emitter.emit(EventType.CIRCUIT_CLOSED, 0, 0, 0, name, null, -1, null, null, why, -1);
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + (timeWindow ? windowTime.toMillis() + " ms" : windowCalls + " calls")
                + " window, " + state() + "]";
    }

    /// Settings for a breaker; resilience4j's names where they fit.
    public static final class Builder {
        private final String name;
        private int windowCalls = 100;
        private Duration windowTime;
        private int minimumCalls = 100;
        private double failureRateThreshold = 50;
        private double slowCallRateThreshold = Double.NaN; // no slow-call rule
        private Duration slowCallDuration = Duration.ofSeconds(60);
        private Duration waitInOpenState = Duration.ofSeconds(60);
        private int halfOpenCalls = 10;
        private AsyncCallbackRuntime runtime = AsyncCallbackRuntime.defaultRuntime();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /// The clock and event bus the breaker uses (default: the default runtime, which has no events). Use the
        /// runtime of the pools and tasks it guards.
        public Builder runtime(AsyncCallbackRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /// A count-based window: the last `calls` calls (resilience4j's `COUNT_BASED`).
        public Builder countWindow(int calls) {
            this.windowCalls = calls;
            this.windowTime = null;
            return this;
        }

        /// A time-based window: the calls that ended in the last `window` (resilience4j's `TIME_BASED`); older
        /// calls drop out a tenth of the window at a time.
        public Builder timeWindow(Duration window) {
            this.windowTime = Objects.requireNonNull(window, "window");
            return this;
        }

        /// How many calls the window must hold before the rates are judged at all.
        public Builder minimumCalls(int calls) {
            this.minimumCalls = calls;
            return this;
        }

        /// Opens when this percentage (0 < p ≤ 100) of the window's calls failed.
        public Builder failureRateThreshold(double percent) {
            this.failureRateThreshold = percent;
            return this;
        }

        /// Opens when this percentage (0 < p ≤ 100) of the window's calls took at least `slowCall`.
        public Builder slowCallRateThreshold(double percent, Duration slowCall) {
            this.slowCallRateThreshold = percent;
            this.slowCallDuration = Objects.requireNonNull(slowCall, "slowCall");
            return this;
        }

        /// How long it stays open before letting probes through.
        public Builder waitInOpenState(Duration wait) {
            this.waitInOpenState = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /// How many probe calls go through while half-open (resilience4j's
        /// `permittedNumberOfCallsInHalfOpenState`).
        public Builder halfOpenCalls(int calls) {
            this.halfOpenCalls = calls;
            return this;
        }

        public CircuitBreaker build() {
            if (windowTime == null ? windowCalls < 1 : windowTime.toNanos() < 10) {
                throw new IllegalArgumentException("the window must hold at least one call or ten nanoseconds");
            }
            if (minimumCalls < 1) {
                throw new IllegalArgumentException("minimumCalls must be at least 1, was " + minimumCalls);
            }
            if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
                throw new IllegalArgumentException("failureRateThreshold is a percentage in (0, 100], was "
                        + failureRateThreshold);
            }
            if (!Double.isNaN(slowCallRateThreshold) && !(slowCallRateThreshold > 0 && slowCallRateThreshold <= 100)) {
                throw new IllegalArgumentException("slowCallRateThreshold is a percentage in (0, 100], was "
                        + slowCallRateThreshold);
            }
            if (halfOpenCalls < 1) {
                throw new IllegalArgumentException("halfOpenCalls must be at least 1, was " + halfOpenCalls);
            }
            if (waitInOpenState.isNegative()) {
                throw new IllegalArgumentException("waitInOpenState must not be negative");
            }
            return new CircuitBreaker(this);
        }
    }
}
