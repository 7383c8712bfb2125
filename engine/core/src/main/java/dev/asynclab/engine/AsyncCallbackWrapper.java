package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/// Runs one callback once, asynchronously or blocking, with a timeout, cancellation and an exception boundary.
///
/// - Timeout: counted from the moment the callback starts; at the deadline the caller gets `TIMED_OUT` at once
///   and the worker is interrupted. Default 30 s; `Duration.ZERO` means no limit.
/// - Cancellation: before the start the callback never runs; during the run the worker is interrupted and the
///   caller gets `CANCELLED` at once. `cancel()` is idempotent and thread-safe.
/// - Exception boundary: nothing the callback throws, `Error`s included, reaches the caller; it becomes
///   `FAILED` with the error's type and message.
///
/// A wrapper stands for one invocation, created at the first execute: calling `executeAsync()` again returns the
/// same future. Cancelled before that, it never runs.
///
/// ```java
/// var w = new AsyncCallbackWrapper(() -> fetchUser(42), "fetch-user", Duration.ofMillis(500));
/// AsyncCallbackResult r = w.executeBlocking();
/// switch (r.status()) {
///     case SUCCEEDED -> show(r.value());
///     case TIMED_OUT -> retryLater();
///     default -> log(r.errorType() + ": " + r.errorMessage());
/// }
/// ```
public final class AsyncCallbackWrapper {

    private final AsyncCallbackRuntime runtime;
    private final AsyncCallback callback;
    private final String name;
    private final Duration timeout;
    private volatile Invocation invocation;
    private volatile boolean cancelledEarly;

    /// A wrapper on the default runtime (real clock, virtual threads, no events).
    public AsyncCallbackWrapper(Callable<?> callback, String name, Duration timeout) {
        this(AsyncCallbackRuntime.defaultRuntime(), AsyncCallback.of(callback), name, timeout);
    }

    /// A wrapper on the default runtime with the default 30 s timeout.
    public AsyncCallbackWrapper(Callable<?> callback, String name) {
        this(callback, name, AsyncCallbackRuntime.DEFAULT_TIMEOUT);
    }

    /// A wrapper on `runtime`. `name` (null: "callback") labels its events; `timeout` counts from the start
    /// (`Duration.ZERO`: none; null: the default 30 s; negative is refused with `IllegalArgumentException`).
    public AsyncCallbackWrapper(AsyncCallbackRuntime runtime, AsyncCallback callback, String name, Duration timeout) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.name = name == null ? "callback" : name;
        this.timeout = AsyncCallbackRuntime.callbackTimeout(timeout);
    }

    /// Starts the callback (once) and returns its result-to-be. The future always completes normally with a
    /// result; cancelling the future cancels the invocation, and the future then holds its CANCELLED result (so
    /// its `isCancelled()` stays false: look at the result's status).
    public CompletableFuture<AsyncCallbackResult> executeAsync() {
        Invocation inv = invocation;
        if (inv == null) {
            synchronized (this) {
                inv = invocation;
                if (inv == null) {
                    inv = runtime.standalone().create(callback, name, timeout, null, 1, 0);
                    invocation = inv;
                    if (cancelledEarly) {
                        inv.cancel(); // cancelled before it was ever executed: it never runs
                    } else {
                        runtime.standalone().start(inv);
                    }
                }
            }
        }
        return inv.future();
    }

    /// Runs the callback (once, as `executeAsync`) and waits for its result, on the runtime's clock: the real
    /// clock blocks the calling thread; the simulated clock runs the simulation until the result is there, so it
    /// never blocks. If the calling thread is interrupted while it waits, the invocation is cancelled and its
    /// `CANCELLED` result returned (the thread's interrupt flag stays set).
    ///
    /// @throws IllegalStateException on the simulated clock, when the simulation has nothing left to run and the
    ///         invocation still has not ended: an asynchronous callback whose stage never completes, with no
    ///         timeout, would otherwise wait forever
    public AsyncCallbackResult executeBlocking() {
        CompletableFuture<AsyncCallbackResult> f = executeAsync();
        boolean done;
        try {
            done = runtime.scheduler().await(f, Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return f.join(); // cancelling ends it at once
        }
        if (!done) {
            throw new IllegalStateException("'" + name + "' (id " + id() + ") can never end: its clock has nothing "
                    + "left to run, and it waits for a stage that never completes, with no timeout");
        }
        return f.join();
    }

    /// Cancels the invocation; true if this call cancelled it.
    public boolean cancel() {
        synchronized (this) {
            if (invocation == null) {
                boolean first = !cancelledEarly;
                cancelledEarly = true;
                return first;
            }
        }
        return invocation.cancel();
    }

    /// True when it ended as CANCELLED, or was cancelled before its first execute.
    public boolean isCancelled() {
        Invocation inv = invocation;
        if (inv == null) {
            return cancelledEarly;
        }
        return inv.future().isDone() && inv.future().join().status() == Status.CANCELLED;
    }

    /// True when it has ended (or was cancelled before its first execute, so will never run).
    public boolean isDone() {
        Invocation inv = invocation;
        return inv == null ? cancelledEarly : inv.isDone();
    }

    /// The invocation id, as in the event log; 0 before the first execute.
    public long id() {
        Invocation inv = invocation;
        return inv == null ? 0 : inv.id();
    }
}
