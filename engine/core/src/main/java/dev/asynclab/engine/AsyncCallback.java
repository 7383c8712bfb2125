package dev.asynclab.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

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

    Object call(Context ctx) throws Exception;

    /// A callback that needs no context.
    static AsyncCallback of(Callable<?> callable) {
        java.util.Objects.requireNonNull(callable, "callable");
        return ctx -> callable.call();
    }

    /// What a running callback can know and do. One per attempt; use it only from the callback's own thread
    /// (except `delay`, whose stage may be completed anywhere).
    ///
    /// On the simulated clock a synchronous callback runs at once in wall time and is charged simulated time:
    /// what it sleeps and works through this context, plus whatever it `charge`s. Its outcome takes effect when
    /// that simulated time has passed, so a timeout or cancel that comes first wins, as it would for real.
    ///
    /// ```java
    /// AsyncCallback cb = ctx -> {
    ///     ctx.log("attempt " + ctx.attempt());
    ///     ctx.sleep(Duration.ofMillis(20));     // real sleep, or 20 ms of simulated time
    ///     if (ctx.random() < 0.1) throw new java.io.IOException("connection reset");
    ///     return "ok";
    /// };
    /// ```
    interface Context {

        /// The invocation id, as in the event log.
        long id();

        /// 1 for a first try, n for the n-th attempt of a retry.
        int attempt();

        String name();

        /// True once the invocation has ended without this callback: timed out or cancelled.
        boolean isCancelled();

        /// Sleeps on the engine's clock. Interrupted by a timeout or cancel.
        void sleep(Duration duration) throws InterruptedException;

        /// Sleeps on the engine's clock and ignores interrupts, the way a badly behaved callback does: after a
        /// timeout it keeps running, and the engine records a `LATE_FINISH` when it returns.
        void sleepIgnoringInterrupt(Duration duration);

        /// Busy CPU work: spins on a real clock (and stops when interrupted); simulated time on a simulated one.
        void work(Duration duration) throws InterruptedException;

        /// Charges time the callback spent for real that the engine's clock has not seen pass (code that ran for real
        /// on the simulated clock, such as a script): the outcome then lands that much later in simulated time. No
        /// effect on the real clock, where that time has passed.
        void charge(Duration duration);

        /// A stage that completes after `duration` on the engine's clock, without holding a thread. A timeout or
        /// cancel of this attempt cancels it (its timer does not outlive the invocation).
        CompletionStage<Void> delay(Duration duration);

        /// A deterministic random number in [0, 1): seeded from the runtime's seed, the id and the attempt.
        double random();

        /// Writes a line into the event log (a `LOG` event; the text cut to 200 characters).
        void log(String message);

        /// Runs `action` (on the timer's or the canceller's thread) when this invocation times out or is cancelled
        /// while the callback runs, or at once if that has already happened. For work that does not notice a
        /// thread interrupt, such as a script engine, which must be stopped from outside.
        void onCancel(Runnable action);
    }
}
