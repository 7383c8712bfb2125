package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.EventType;

/// Runs one call through its resilience policies, in the order `Task.Policies` documents: the fallback around
/// the retry run, the retry run around each attempt, and each attempt through the per-attempt guards
/// (breaker, limiter, bulkhead, faults) of a `GuardedLauncher`.
final class PolicyPipeline {

    private PolicyPipeline() {
    }

    static InvocationFuture run(Task.Call call, Launcher launcher, long parentGroup) {
        Task.Policies p = call.policies();
        boolean guarded = p.circuitBreaker() != null || p.rateLimiter() != null || p.bulkhead() != null
                || !p.faults().isEmpty();
        Launcher attempts = guarded ? new GuardedLauncher(launcher, p) : launcher;
        if (p.retryBudget() != null) {
            p.retryBudget().deposit();
        }
        InvocationFuture f = TaskRunner.retries(call) ? new RetryRun(call, attempts, parentGroup).start()
                : attempts.launch(call.callback(), call.name(), call.timeout(), null, 1, parentGroup);
        return p.fallback() == null ? f : withFallback(f, p.fallback(), launcher, call.name(), parentGroup);
    }

    /// The call's future with the fallback applied to its result. Cancel and expiry go to the call itself.
    private static InvocationFuture withFallback(InvocationFuture call, Fallback fallback, Launcher launcher,
                                                 String name, long group) {
        var out = new InvocationFuture(() -> call.cancel(true), call::expire);
        call.whenComplete((r, e) -> out.complete(fallback.handles(r) ? replace(r, fallback, launcher, name, group)
                : r));
        return out;
    }

    private static AsyncCallbackResult replace(AsyncCallbackResult failed, Fallback fallback, Launcher launcher,
                                               String name, long group) {
        Object value;
        try {
            value = fallback.function().apply(failed);
        } catch (Throwable t) { // the exception boundary holds for fallbacks too
            Errors.Described error = Errors.describe(t);
            launcher.emitter().emit(EventType.FALLBACK_USED, failed.id(), failed.attempt(), group, name, null, -1,
                    failed.errorType(), failed.errorMessage(), "fallback failed: " + error.type(), -1);
            return new AsyncCallbackResult(Status.FAILED, null, error.type(), error.message(),
                    failed.executionTime(), failed.attempt(), failed.id(), failed);
        }
        launcher.emitter().emit(EventType.FALLBACK_USED, failed.id(), failed.attempt(), group, name, null, -1,
                failed.errorType(), failed.errorMessage(), Errors.shortText(value), -1);
        return new AsyncCallbackResult(Status.SUCCEEDED, value, null, null, failed.executionTime(),
                failed.attempt(), failed.id(), failed);
    }
}
