package dev.asynclab.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/// Something to run: one callback (perhaps with retries and resilience policies), or a group of tasks run in
/// parallel, as a race, or hedged. Groups nest. `AsyncCallbacks.execute` runs any task on a runtime or in a pool.
///
/// ```java
/// Task fetch = Task.race("data-fetch", Duration.ofMillis(300),
///         Task.call("server-1", server1, Duration.ofSeconds(1)),
///         Task.call("cache", cache, Duration.ofMillis(50)).withRetry(RetryPolicy.ofDefaults()));
/// AsyncCallbacks.execute(pool, fetch).thenAccept(r -> System.out.println(r.status()));
/// ```
public sealed interface Task {

    String name();

    /// One callback; `timeout` per attempt, counted from its start (zero: none; null: the default 30 s; negative
    /// is refused); `retry` null for a single try; `policies` the resilience policies around it (see `Policies`
    /// for the order they apply in).
    record Call(String name, AsyncCallback callback, Duration timeout, RetryPolicy retry, Policies policies)
            implements Task {
        public Call {
            Objects.requireNonNull(callback, "callback");
            timeout = AsyncCallbackRuntime.callbackTimeout(timeout);
            policies = policies == null ? Policies.NONE : policies;
        }

        /// A call with no resilience policies.
        public Call(String name, AsyncCallback callback, Duration timeout, RetryPolicy retry) {
            this(name, callback, timeout, retry, Policies.NONE);
        }

        /// The same call, tried as `policy` says.
        public Call withRetry(RetryPolicy policy) {
            return new Call(name, callback, timeout, policy, policies);
        }

        public Call withPolicies(Policies policies) {
            return new Call(name, callback, timeout, retry, policies);
        }

        public Call withCircuitBreaker(CircuitBreaker breaker) {
            return withPolicies(policies.withCircuitBreaker(breaker));
        }

        public Call withRateLimiter(RateLimiter limiter) {
            return withPolicies(policies.withRateLimiter(limiter));
        }

        public Call withBulkhead(Bulkhead bulkhead) {
            return withPolicies(policies.withBulkhead(bulkhead));
        }

        public Call withRetryBudget(RetryBudget budget) {
            return withPolicies(policies.withRetryBudget(budget));
        }

        public Call withFallback(Fallback fallback) {
            return withPolicies(policies.withFallback(fallback));
        }

        public Call withFaults(FaultInjection... faults) {
            return withPolicies(policies.withFaults(List.of(faults)));
        }
    }

    /// The resilience policies around one call; any may be absent (null, or no faults). They apply in one
    /// order, outermost first, as a Polly pipeline or resilience4j's decorators do:
    ///
    /// ```
    /// Fallback ─► Retry (+ RetryBudget) ─► CircuitBreaker ─► RateLimiter ─► Bulkhead ─► pool and timeout
    ///          ─► FaultInjection ─► the callback
    /// ```
    ///
    /// - The fallback sees the call's final result, after every retry.
    /// - Each attempt asks the breaker, then the limiter, then the bulkhead; the first to refuse ends the attempt
    ///   `REJECTED` (its event's `value` names the policy), and a rejected attempt is never retried, so an open
    ///   breaker ends a retry storm at once. A budget that is spent ends it too, with the last error.
    /// - Faults are injected inside the invocation, under its timeout, so every policy above sees them as real.
    ///
    /// ```java
    /// Task.Policies policies = Task.Policies.NONE.withCircuitBreaker(breaker).withFallback(Fallback.value("-"));
    /// Task call = Task.call("fetch", fetch, Duration.ofMillis(200)).withRetry(retry).withPolicies(policies);
    /// ```
    record Policies(CircuitBreaker circuitBreaker, RateLimiter rateLimiter, Bulkhead bulkhead,
                    RetryBudget retryBudget, Fallback fallback, List<FaultInjection> faults) {

        public static final Policies NONE = new Policies(null, null, null, null, null, List.of());

        public Policies {
            faults = faults == null ? List.of() : List.copyOf(faults);
        }

        public boolean isEmpty() {
            return this.equals(NONE);
        }

        public Policies withCircuitBreaker(CircuitBreaker b) {
            return new Policies(b, rateLimiter, bulkhead, retryBudget, fallback, faults);
        }

        public Policies withRateLimiter(RateLimiter l) {
            return new Policies(circuitBreaker, l, bulkhead, retryBudget, fallback, faults);
        }

        public Policies withBulkhead(Bulkhead b) {
            return new Policies(circuitBreaker, rateLimiter, b, retryBudget, fallback, faults);
        }

        public Policies withRetryBudget(RetryBudget b) {
            return new Policies(circuitBreaker, rateLimiter, bulkhead, b, fallback, faults);
        }

        public Policies withFallback(Fallback f) {
            return new Policies(circuitBreaker, rateLimiter, bulkhead, retryBudget, f, faults);
        }

        public Policies withFaults(List<FaultInjection> f) {
            return new Policies(circuitBreaker, rateLimiter, bulkhead, retryBudget, fallback, f);
        }
    }

    /// Every member at once; done when all are. At `timeout` (zero or null: none) the members that have not ended
    /// end as TIMED_OUT, those still waiting in a pool's queue too, and their message names this limit.
    record Parallel(String name, List<Task> members, Duration timeout) implements Task {
        public Parallel {
            members = List.copyOf(members);
            timeout = AsyncCallbackRuntime.limit(timeout, "a group timeout");
        }
    }

    /// Every member at once; the first success wins and the others are cancelled at once. At `timeout` (zero or
    /// null: none) whatever has not ended times out, and the race with it.
    record Race(String name, List<Task> members, Duration timeout) implements Task {
        public Race {
            members = List.copyOf(members);
            timeout = AsyncCallbackRuntime.limit(timeout, "a group timeout");
        }
    }

    /// Members start one after another, each only if none has succeeded `hedgeDelay` after the previous one
    /// started (or at once when every started member has failed); the first success wins. `timeout` as for a race.
    record Hedged(String name, List<Task> members, Duration hedgeDelay, Duration timeout) implements Task {
        public Hedged {
            members = List.copyOf(members);
            hedgeDelay = AsyncCallbackRuntime.limit(hedgeDelay, "a hedge delay");
            timeout = AsyncCallbackRuntime.limit(timeout, "a group timeout");
        }
    }

    static Call call(String name, AsyncCallback callback, Duration timeout) {
        return new Call(name, callback, timeout, null);
    }

    static Parallel parallel(String name, Duration timeout, Task... members) {
        return new Parallel(name, List.of(members), timeout);
    }

    static Race race(String name, Duration timeout, Task... members) {
        return new Race(name, List.of(members), timeout);
    }

    static Hedged hedged(String name, Duration hedgeDelay, Duration timeout, Task... members) {
        return new Hedged(name, List.of(members), hedgeDelay, timeout);
    }
}
