package dev.asynclab.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/// A wrapper that cannot be forgotten: whatever still runs when the guard closes is cancelled.
///
/// ```java
/// try (var guard = new AsyncCallbackGuard(() -> slowLookup(), "lookup", Duration.ofSeconds(2))) {
///     CompletableFuture<AsyncCallbackResult> f = guard.execute();
///     if (userLeftThePage()) return;               // close() cancels the lookup
///     show(f.join().value());
/// }
/// ```
public final class AsyncCallbackGuard implements AutoCloseable {

    private final AsyncCallbackWrapper wrapper;

    /// A guard on the default runtime; `name` and `timeout` as for `AsyncCallbackWrapper`.
    public AsyncCallbackGuard(Callable<?> callback, String name, Duration timeout) {
        this.wrapper = new AsyncCallbackWrapper(callback, name, timeout);
    }

    /// A guard on `runtime`; `name` and `timeout` as for `AsyncCallbackWrapper`.
    public AsyncCallbackGuard(AsyncCallbackRuntime runtime, AsyncCallback callback, String name, Duration timeout) {
        this.wrapper = new AsyncCallbackWrapper(runtime, callback, name, timeout);
    }

    /// Starts the callback (once) and returns its result-to-be, as `AsyncCallbackWrapper.executeAsync`.
    public CompletableFuture<AsyncCallbackResult> execute() {
        return wrapper.executeAsync();
    }

    /// Starts the callback (once) and waits for its result, as `AsyncCallbackWrapper.executeBlocking` (on the
    /// simulated clock it runs the simulation instead of blocking).
    public AsyncCallbackResult executeBlocking() {
        return wrapper.executeBlocking();
    }

    /// True when the callback has ended, or the guard was closed before it ever started.
    public boolean isDone() {
        return wrapper.isDone();
    }

    /// Cancels the callback if it has not ended. A guard closed before it executed never runs its callback: a
    /// later `execute` gives a CANCELLED result at once. Idempotent.
    @Override
    public void close() {
        wrapper.cancel();
    }
}
