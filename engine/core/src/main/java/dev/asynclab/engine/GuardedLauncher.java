package dev.asynclab.engine;

import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.Scheduler.Cancellable;
import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;

/// Launches each attempt through the per-attempt policies: the circuit breaker, then the rate limiter, then the
/// bulkhead, then (inside the invocation) the injected faults. The first policy to refuse ends the attempt
/// REJECTED with its reason; whatever an outer policy had granted is given back.
final class GuardedLauncher implements Launcher {

    private final Launcher inner;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Bulkhead bulkhead;
    private final java.util.List<dev.asynclab.engine.FaultInjection> faults;

    GuardedLauncher(Launcher inner, Task.Policies policies) {
        this.inner = inner;
        this.breaker = policies.circuitBreaker();
        this.limiter = policies.rateLimiter();
        this.bulkhead = policies.bulkhead();
        this.faults = policies.faults();
    }

    @Override
    public InvocationFuture launch(AsyncCallback callback, String name, Duration timeout, String timeoutReason,
                                   int attempt, long group) {
        if (breaker != null && !breaker.tryAcquirePermission()) {
            return inner.refuse(name, attempt, group, breaker.refusal(), "circuit-breaker");
        }
        if (limiter != null) {
            long wait = limiter.reservePermission();
            if (wait < 0) {
                emitter().emit(EventType.RATE_LIMITED, 0, attempt, group, name, null, -1, null, null, "refused", -1);
                releaseBreaker();
                return inner.refuse(name, attempt, group, limiter.refusal(), "rate-limiter");
            }
            if (wait > 0) {
                emitter().emit(EventType.RATE_LIMITED, 0, attempt, group, name, null, wait, null, null, "waited", -1);
                return new Deferred(callback, name, timeout, timeoutReason, attempt, group).start(wait);
            }
        }
        return admit(callback, name, timeout, timeoutReason, attempt, group);
    }

    /// Past the breaker and the limiter: the bulkhead, then the invocation itself.
    private InvocationFuture admit(AsyncCallback callback, String name, Duration timeout, String timeoutReason,
                                   int attempt, long group) {
        if (bulkhead != null && !bulkhead.tryAcquire()) {
            releaseBreaker();
            return inner.refuse(name, attempt, group, bulkhead.refusal(), "bulkhead");
        }
        AsyncCallback body = faults.isEmpty() ? callback
                : new FaultyCallback(callback, faults, group, emitter(), seed());
        InvocationFuture f = inner.launch(body, name, timeout, timeoutReason, attempt, group);
        if (bulkhead != null || breaker != null) {
            f.whenComplete((r, e) -> {
                if (bulkhead != null) {
                    bulkhead.release();
                }
                if (breaker != null) {
                    breaker.onResult(r);
                }
            });
        }
        return f;
    }

    private void releaseBreaker() {
        if (breaker != null) {
            breaker.releasePermission();
        }
    }

    /// An attempt waiting for its rate-limit permit. Until the permit's time it has no invocation (nothing is
    /// submitted, so a cancel or expiry then ends it with no terminal event to owe); after, it is that
    /// invocation.
    private final class Deferred {

        /* The timer firing (launch) races with cancel and expire (stop); both take this object's lock, and
         * `launched`/`stopped` say who came first. A stop that finds the invocation launched hands on to it,
         * outside the lock. */

        private final AsyncCallback callback;
        private final String name;
        private final Duration timeout;
        private final String timeoutReason;
        private final int attempt;
        private final long group;
        private final long since;
        private final InvocationFuture result = new InvocationFuture(() -> stop(true, null),
                reason -> stop(false, reason));
        private Cancellable timer;
        private InvocationFuture launched;
        private boolean stopped;

        Deferred(AsyncCallback callback, String name, Duration timeout, String timeoutReason, int attempt,
                 long group) {
            this.callback = callback;
            this.name = name;
            this.timeout = timeout;
            this.timeoutReason = timeoutReason;
            this.attempt = attempt;
            this.group = group;
            this.since = scheduler().nanoTime();
        }

        InvocationFuture start(long waitNanos) {
            Cancellable t = scheduler().schedule(this::fire, waitNanos);
            synchronized (this) {
                timer = t;
            }
            return result;
        }

        private void fire() {
            InvocationFuture f;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                f = admit(callback, name, timeout, timeoutReason, attempt, group);
                launched = f;
            }
            f.whenComplete((r, e) -> result.complete(r));
        }

        /// Cancels it, or expires it (`reason` names the group limit that fired).
        private boolean stop(boolean cancel, String reason) {
            InvocationFuture f;
            synchronized (this) {
                if (stopped || result.isDone()) {
                    return false;
                }
                f = launched;
                if (f == null) {
                    stopped = true;
                    if (timer != null) {
                        timer.cancel();
                    }
                }
            }
            if (f != null) {
                if (cancel) {
                    return f.cancel(true);
                }
                f.expire(reason);
                return true;
            }
            releaseBreaker();
            result.complete(TaskRunner.result(cancel ? Status.CANCELLED : Status.TIMED_OUT,
                    cancel ? "CancellationException" : "TimeoutException",
                    cancel ? "cancelled while waiting for a rate-limit permit"
                            : reason + " while waiting for a rate-limit permit", since, GuardedLauncher.this, null));
            return true;
        }
    }

    @Override
    public InvocationFuture refuse(String name, int attempt, long group, String reason, String policy) {
        return inner.refuse(name, attempt, group, reason, policy);
    }

    @Override
    public long newGroup() {
        return inner.newGroup();
    }

    @Override
    public Scheduler scheduler() {
        return inner.scheduler();
    }

    @Override
    public Emitter emitter() {
        return inner.emitter();
    }

    @Override
    public long seed() {
        return inner.seed();
    }
}
