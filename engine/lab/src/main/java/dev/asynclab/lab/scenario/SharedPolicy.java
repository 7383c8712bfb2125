package dev.asynclab.lab.scenario;

import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.Bulkhead;
import dev.asynclab.engine.CircuitBreaker;
import dev.asynclab.engine.RateLimiter;
import dev.asynclab.engine.RetryBudget;

import java.time.Duration;
import java.util.function.UnaryOperator;

/// A policy declared once at the top of a scenario (`circuit_breakers:`, `rate_limiters:`, `bulkheads:`,
/// `retry_budgets:`) and named by the callbacks it guards, which then share its state. The declaration is
/// settings only; each run makes the engine's policy from it, on that run's runtime.
///
/// ```yaml
/// circuit_breakers:
///   db: { window: 10, minimum_calls: 5, failure_rate: 50, open_for: 1s, half_open_calls: 2 }
/// callbacks:
///   - { name: query, circuit_breaker: db, work: { sleep: 20ms } }
/// ```
public sealed interface SharedPolicy {

    String name();

    /// What the scenario calls this kind, as in a message: "circuit breaker".
    String kind();

    /// The engine's policy for one run; `scale` stretches declared durations (slow motion on the real clock).
    Object create(AsyncCallbackRuntime runtime, UnaryOperator<Duration> scale);

    /// `window` is a number of calls (count-based) or, when `windowTime` is set, a duration (time-based).
    record Breaker(String name, int windowCalls, Duration windowTime, int minimumCalls, double failureRate,
                   double slowCallRate, Duration slowCall, Duration openFor, int halfOpenCalls)
            implements SharedPolicy {
        @Override
        public String kind() {
            return "circuit breaker";
        }

        @Override
        public CircuitBreaker create(AsyncCallbackRuntime runtime, UnaryOperator<Duration> scale) {
            var b = CircuitBreaker.builder(name).runtime(runtime).minimumCalls(minimumCalls)
                    .failureRateThreshold(failureRate).waitInOpenState(scale.apply(openFor))
                    .halfOpenCalls(halfOpenCalls);
            if (windowTime != null) {
                b.timeWindow(scale.apply(windowTime));
            } else {
                b.countWindow(windowCalls);
            }
            if (slowCall != null) {
                b.slowCallRateThreshold(slowCallRate, scale.apply(slowCall));
            }
            return b.build();
        }
    }

    record Limiter(String name, int limit, Duration period, int burst, Duration maxWait) implements SharedPolicy {
        @Override
        public String kind() {
            return "rate limiter";
        }

        @Override
        public RateLimiter create(AsyncCallbackRuntime runtime, UnaryOperator<Duration> scale) {
            return RateLimiter.builder(name).runtime(runtime).limit(limit, scale.apply(period)).burst(burst)
                    .maxWait(scale.apply(maxWait)).build();
        }
    }

    record Bulk(String name, int maxConcurrent) implements SharedPolicy {
        @Override
        public String kind() {
            return "bulkhead";
        }

        @Override
        public Bulkhead create(AsyncCallbackRuntime runtime, UnaryOperator<Duration> scale) {
            return Bulkhead.of(name, maxConcurrent);
        }
    }

    record Budget(String name, double ratio, double minPerSecond, Duration window) implements SharedPolicy {
        @Override
        public String kind() {
            return "retry budget";
        }

        @Override
        public RetryBudget create(AsyncCallbackRuntime runtime, UnaryOperator<Duration> scale) {
            return RetryBudget.builder(name).runtime(runtime).ratio(ratio).minPerSecond(minPerSecond)
                    .window(scale.apply(window)).build();
        }
    }
}
