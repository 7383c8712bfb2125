package dev.asynclab.engine.internal;

import dev.asynclab.engine.AsyncCallbackResult;

import java.util.concurrent.CompletableFuture;

/// The caller's handle on one invocation or group: `cancel(true)` cancels the work itself, and the future then
/// completes normally with a `CANCELLED` result rather than with a `CancellationException`. `expire()` ends it as
/// timed out (a group's overall deadline passed).
public final class InvocationFuture extends CompletableFuture<AsyncCallbackResult> {

    private final Cancel cancel;
    private final Runnable expire;

    /// What cancelling does; true when this call cancelled it.
    @FunctionalInterface
    public interface Cancel {
        boolean cancel();
    }

    public InvocationFuture(Cancel cancel, Runnable expire) {
        this.cancel = cancel;
        this.expire = expire;
    }

    public void expire() {
        expire.run();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel.cancel();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
