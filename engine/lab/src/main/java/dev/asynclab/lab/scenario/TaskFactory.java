package dev.asynclab.lab.scenario;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.Bulkhead;
import dev.asynclab.engine.CircuitBreaker;
import dev.asynclab.engine.FaultInjection;
import dev.asynclab.engine.RateLimiter;
import dev.asynclab.engine.RetryBudget;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Task;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/// Turns scenario steps into engine tasks: declared work becomes a callback that sleeps or works on the
/// engine's clock, then perhaps fails; retries become retry policies; groups become groups.
final class TaskFactory {

    private final Defaults defaults;
    private final double dilation;
    private final Function<Work.Script, AsyncCallback> scripts;
    private final AsyncCallbackRuntime runtime;
    /// How many calls wait in the pool's queue now, for work whose length depends on it (`when-queued`).
    private final java.util.function.IntSupplier queued;
    /// One engine policy per declaration, shared by every callback that names it.
    private final Map<SharedPolicy, Object> shared = new HashMap<>();

    /// @param dilation how much longer every declared duration is (1 = as written; 10 = ten times slower)
    /// @param scripts  how a script body becomes a callback
    /// @param runtime  the run's runtime, whose clock and events the shared policies use
    /// @param queued   how many calls wait in the run's pool now (0 without a pool)
    TaskFactory(Defaults defaults, double dilation, Function<Work.Script, AsyncCallback> scripts,
                AsyncCallbackRuntime runtime, java.util.function.IntSupplier queued) {
        this.queued = queued;
        this.defaults = defaults;
        this.dilation = dilation;
        this.scripts = scripts;
        this.runtime = runtime;
    }

    Task task(Step step) {
        return switch (step) {
            case CallbackSpec c -> new Task.Call(c.name(), callback(c), scaled(timeoutOf(c.timeout())),
                    policy(c.retry()), policies(c.resilience()));
            case GroupSpec g -> {
                List<Task> members = g.members().stream().map(this::task).toList();
                Duration timeout = scaled(g.timeout() == null ? Duration.ZERO : g.timeout());
                yield switch (g.kind()) {
                    case RACE -> new Task.Race(g.name(), members, timeout);
                    case PARALLEL -> new Task.Parallel(g.name(), members, timeout);
                    case HEDGE -> new Task.Hedged(g.name(), members, scaled(g.hedgeDelay()), timeout);
                };
            }
        };
    }

    private Duration timeoutOf(Duration declared) {
        return declared == null ? defaults.timeout() : declared;
    }

    private RetryPolicy policy(RetryPolicy retry) {
        RetryPolicy r = retry == null ? defaults.retry() : retry;
        if (r == null || !RetryPolicies.retries(r) && r.deadline().isZero()) {
            return null;
        }
        return RetryPolicies.scaled(r, this::scaled);
    }

    private Task.Policies policies(Resilience r) {
        if (r.isEmpty()) {
            return Task.Policies.NONE;
        }
        return new Task.Policies(shared(r.breaker(), CircuitBreaker.class), shared(r.limiter(), RateLimiter.class),
                shared(r.bulkhead(), Bulkhead.class), shared(r.budget(), RetryBudget.class), r.fallback(),
                r.faults().stream().map(f -> f.kind() == FaultInjection.Kind.LATENCY
                        ? FaultInjection.latency(f.rate(), scaled(f.latency())) : f).toList());
    }

    private <T> T shared(SharedPolicy declared, Class<T> type) {
        return declared == null ? null
                : type.cast(shared.computeIfAbsent(declared, d -> d.create(runtime, this::scaled)));
    }

    private AsyncCallback callback(CallbackSpec c) {
        Failure fail = c.fail() == null ? Failure.NONE : c.fail();
        if (c.work() instanceof Work.Script script) {
            AsyncCallback body = scripts.apply(script);
            return ctx -> {
                boolean fails = fail.failsOn(ctx.attempt(), ctx.random());
                Object value = body.call(ctx);
                if (fails) {
                    throw new CallbackFailure(fail.error(), fail.message());
                }
                return value;
            };
        }
        if (c.work() instanceof Work.Downstream d) {
            var downstream = new Downstream(d.slots()); // one per callback entry, shared by its invocations
            return ctx -> {
                var random = new SplitMixRandom(Double.doubleToLongBits(ctx.random()));
                boolean fails = fail.failsOn(ctx.attempt(), random.nextDouble());
                long nanos = scaled(d.duration().sample(random));
                return downstream.call(ctx, nanos).thenApply(v -> {
                    if (fails) {
                        // a stage fails with an unchecked wrapper; the engine's boundary unwraps it
                        throw new java.util.concurrent.CompletionException(
                                new CallbackFailure(fail.error(), fail.message()));
                    }
                    return v;
                });
            };
        }
        return ctx -> {
            var random = new SplitMixRandom(Double.doubleToLongBits(ctx.random()));
            boolean fails = fail.failsOn(ctx.attempt(), random.nextDouble());
            switch (c.work()) {
                case Work.Sleep s -> {
                    Duration d = scaled(Duration.ofNanos(s.duration().sample(random)));
                    if (fail.hang()) {
                        ctx.sleepIgnoringInterrupt(d);
                    } else {
                        ctx.sleep(d);
                    }
                }
                case Work.Cpu cpu -> {
                    // Read as the work starts: a call that found others waiting runs in a busier machine.
                    Distribution length = cpu.whenQueued().isEmpty() ? cpu.duration() : cpu.at(queued.getAsInt());
                    Duration d = scaled(Duration.ofNanos(length.sample(random)));
                    if (fail.hang()) {
                        ctx.sleepIgnoringInterrupt(d);
                    } else {
                        ctx.work(d);
                    }
                }
                case Work.Script s -> throw new IllegalStateException("handled above");
                case Work.Downstream d -> throw new IllegalStateException("handled above");
                case null -> {
                }
            }
            if (fails) {
                throw new CallbackFailure(fail.error(), fail.message());
            }
            return "ok";
        };
    }

    Duration scaled(Duration d) {
        if (d == null || dilation == 1.0 || d.isZero()) {
            return d;
        }
        return Duration.ofNanos(Math.round(d.toNanos() * dilation));
    }

    long scaled(long nanos) {
        return dilation == 1.0 ? nanos : Math.round(nanos * dilation);
    }
}
