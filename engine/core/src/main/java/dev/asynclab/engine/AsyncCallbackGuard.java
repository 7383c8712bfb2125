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

    public AsyncCallbackGuard(Callable<?> callback, String name, Duration timeout) {
        this.wrapper = new AsyncCallbackWrapper(callback, name, timeout);
    }

    public AsyncCallbackGuard(AsyncCallbackRuntime runtime, AsyncCallback callback, String name, Duration timeout) {
        this.wrapper = new AsyncCallbackWrapper(runtime, callback, name, timeout);
    }

    /// Starts the callback (once).
    public CompletableFuture<AsyncCallbackResult> execute() {
        return wrapper.executeAsync();
    }

    /// Starts the callback and waits for its result.
    public AsyncCallbackResult executeBlocking() {
        return wrapper.executeBlocking();
    }

    public boolean isDone() {
        return wrapper.isDone();
    }

    /// Cancels the callback if it has not ended; a guard that never executed has nothing to cancel.
    @Override
    public void close() {
        wrapper.cancel();
    }
}
