package dev.asynclab.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/// Retry, parallel, race and hedged execution, on a runtime (every invocation starts at once) or in a pool (the
/// invocations queue like any other). Every helper returns a future that completes normally with a result;
/// cancelling it cancels everything still running under it.
///
/// ```java
/// var runtime = AsyncCallbackRuntime.defaultRuntime();
/// var policy = RetryPolicy.builder().maxAttempts(3).delay(Duration.ofMillis(100)).backoff(2.0, Duration.ZERO).build();
/// AsyncCallbackResult r = AsyncCallbacks.executeWithRetry(runtime, flakyCall, "fetch", Duration.ofSeconds(1), policy).join();
///
/// AsyncCallbackResult fastest = AsyncCallbacks.executeRace(runtime, List.of(
///         Task.call("server-1", server1, Duration.ofSeconds(1)),
///         Task.call("server-2", server2, Duration.ofSeconds(1))), Duration.ofMillis(300)).join();
/// ```
public final class AsyncCallbacks {

    private AsyncCallbacks() {
    }

    /// Runs any task (a call, perhaps with retries, or a nested group) straight on the runtime, each invocation at
    /// once on the runtime's workers.
    public static CompletableFuture<AsyncCallbackResult> execute(AsyncCallbackRuntime runtime, Task task) {
        return TaskRunner.run(task, runtime.standalone(), 0);
    }

    /// Runs any task in a pool.
    public static CompletableFuture<AsyncCallbackResult> execute(AsyncCallbackPool pool, Task task) {
        return TaskRunner.run(task, pool.launcher(), 0);
    }

    /// Runs `action` once, when `future` is done, as `future.whenComplete(action)` does, and on the same thread; for a
    /// future this engine handed out (any helper's or pool's), without making the dependent future and completion
    /// object that `whenComplete` makes for every call — what a caller that launches a great many calls and wants
    /// to hear each one end (a scenario runner) pays per call. It runs after the future's other dependants.
    ///
    /// ```java
    /// var runtime = AsyncCallbackRuntime.defaultRuntime();
    /// CompletableFuture<AsyncCallbackResult> f = AsyncCallbacks.execute(runtime, Task.call("fetch", ctx -> "ok",
    ///         Duration.ofSeconds(1)));
    /// AsyncCallbacks.whenEnded(f, (result, error) -> System.out.println(result.status()));   // SUCCEEDED
    /// ```
    public static void whenEnded(CompletableFuture<AsyncCallbackResult> future,
                                 java.util.function.BiConsumer<? super AsyncCallbackResult, ? super Throwable> action) {
        java.util.Objects.requireNonNull(action, "action");
        if (future instanceof InvocationFuture f) {
            f.whenEnded(action);
        } else {
            future.whenComplete(action);
        }
    }

    /// Tries `callback` up to `policy.maxAttempts()` times in all (once when `policy` is null); the result is the
    /// last attempt's. Cancelled between attempts, the result is CANCELLED with the last attempt's number and id.
    public static CompletableFuture<AsyncCallbackResult> executeWithRetry(AsyncCallbackRuntime runtime,
            AsyncCallback callback, String name, Duration timeout, RetryPolicy policy) {
        return execute(runtime, new Task.Call(name, callback, timeout, policy));
    }

    public static CompletableFuture<AsyncCallbackResult> executeWithRetry(AsyncCallbackPool pool,
            AsyncCallback callback, String name, Duration timeout, RetryPolicy policy) {
        return execute(pool, new Task.Call(name, callback, timeout, policy));
    }

    /// Runs every member at once (in a pool: submits them at once) and gives every result, in order; members not
    /// ended after `overallTimeout` (zero or null: none) end as TIMED_OUT, their message naming that limit. An
    /// empty list gives an empty list. Cancelling the future cancels every member, and it then completes normally
    /// with their results.
    public static CompletableFuture<List<AsyncCallbackResult>> executeParallel(AsyncCallbackRuntime runtime,
            List<? extends Task> members, Duration overallTimeout) {
        return parallel(runtime.standalone(), members, overallTimeout);
    }

    public static CompletableFuture<List<AsyncCallbackResult>> executeParallel(AsyncCallbackPool pool,
            List<? extends Task> members, Duration overallTimeout) {
        return parallel(pool.launcher(), members, overallTimeout);
    }

    private static CompletableFuture<List<AsyncCallbackResult>> parallel(Launcher launcher,
            List<? extends Task> members, Duration overallTimeout) {
        var run = ParallelRun.start(new Task.Parallel("parallel", List.copyOf(members), overallTimeout), launcher, 0);
        return run.memberResultsFuture(); // cancelling it cancels every member, as for every helper
    }

    /// The first member to succeed wins and the others are cancelled at once; when every member fails the
    /// last error stands; an empty list gives a FAILED result saying so.
    public static CompletableFuture<AsyncCallbackResult> executeRace(AsyncCallbackRuntime runtime,
            List<? extends Task> members, Duration overallTimeout) {
        return execute(runtime, new Task.Race("race", List.copyOf(members), overallTimeout));
    }

    public static CompletableFuture<AsyncCallbackResult> executeRace(AsyncCallbackPool pool,
            List<? extends Task> members, Duration overallTimeout) {
        return execute(pool, new Task.Race("race", List.copyOf(members), overallTimeout));
    }

    /// A race whose members start one after another: the next only if none has succeeded `hedgeDelay` after
    /// the previous one started (at once if every started member has failed).
    public static CompletableFuture<AsyncCallbackResult> executeHedged(AsyncCallbackRuntime runtime,
            List<? extends Task> members, Duration hedgeDelay, Duration overallTimeout) {
        return execute(runtime, new Task.Hedged("hedged", List.copyOf(members), hedgeDelay, overallTimeout));
    }

    public static CompletableFuture<AsyncCallbackResult> executeHedged(AsyncCallbackPool pool,
            List<? extends Task> members, Duration hedgeDelay, Duration overallTimeout) {
        return execute(pool, new Task.Hedged("hedged", List.copyOf(members), hedgeDelay, overallTimeout));
    }
}
