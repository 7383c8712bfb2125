package dev.asynclab.engine;

import java.util.concurrent.Callable;

/// A unit of work the engine runs. It may return a plain value (synchronous) or a
/// `java.util.concurrent.CompletionStage` (asynchronous: the invocation ends when the stage does).
///
/// The context gives the callback its identity and the engine's clock: `ctx.sleep(...)` sleeps for real on
/// the real clock and advances simulated time on the simulated one, and it is where a cancel or timeout lands.
///
/// ```java
/// AsyncCallback fetch = ctx -> {
///     ctx.sleep(Duration.ofMillis(50));
///     return "user-" + ctx.id();
/// };
/// AsyncCallback plain = AsyncCallback.of(() -> 42);
/// ```
@FunctionalInterface
public interface AsyncCallback {

    Object call(CallbackContext ctx) throws Exception;

    /// A callback that needs no context.
    static AsyncCallback of(Callable<?> callable) {
        return ctx -> callable.call();
    }
}
