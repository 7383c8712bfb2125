package dev.asynclab.engine.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/// A caller's handle on work the engine runs (one invocation, or a group of them): `cancel` cancels the work
/// itself, and the future then completes normally with what the work ended with (a `CANCELLED` result), never
/// with a `CancellationException`. Every helper (wrapper, pool, retry, parallel, race, hedged) hands out one of
/// these, so cancelling works the same everywhere.
///
/// Dependent futures (`thenApply`, ...) are plain `CompletableFuture`s, as for any future; `view` is the one way
/// to derive a future that still cancels the work (as `executeParallel` does for its list of results).
public class WorkFuture<T> extends CompletableFuture<T> {

    /// What cancelling does; true when this call cancelled something.
    @FunctionalInterface
    public interface Cancel {
        boolean cancel();
    }

    private final Cancel cancel;

    public WorkFuture(Cancel cancel) {
        this.cancel = cancel;
    }

    /// Cancels the work; the future completes with its outcome (at once for work that stops at once).
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel.cancel();
    }

    /// A future of `f` applied to this one's value that, cancelled, cancels this one's work.
    public <U> WorkFuture<U> view(Function<? super T, ? extends U> f) {
        var derived = new WorkFuture<U>(cancel);
        whenComplete((v, e) -> {
            if (e != null) {
                derived.completeExceptionally(e);
                return;
            }
            try {
                derived.complete(f.apply(v));
            } catch (Throwable t) {
                derived.completeExceptionally(t);
            }
        });
        return derived;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
