package dev.asynclab.engine;

import dev.asynclab.engine.internal.WorkFuture;

/// The caller's handle on one invocation or group (see `WorkFuture`), which a group can also end as timed out:
/// `expire(reason)` when the group's overall deadline passes, `reason` naming that limit and who set it.
final class InvocationFuture extends WorkFuture<AsyncCallbackResult> {

    /// What expiring does: end whatever still runs as `TIMED_OUT`, with `reason` as its message.
    @FunctionalInterface
    public interface Expire {
        void expire(String reason);
    }

    private final Expire expire;

    public InvocationFuture(Cancel cancel, Expire expire) {
        super(cancel);
        this.expire = expire;
    }

    /// Ends the work as `TIMED_OUT` now if it still runs; `reason` names the limit that fired and who set it
    /// ("group timeout 200 ms (parallel 'page-load')").
    public void expire(String reason) {
        expire.expire(reason);
    }
}
