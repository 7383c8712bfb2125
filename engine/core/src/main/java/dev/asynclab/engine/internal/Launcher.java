package dev.asynclab.engine.internal;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;

/// Starts invocations somewhere (a pool, or straight on the runtime's workers) for the retry, parallel, race
/// and hedged helpers, which do not care where.
public interface Launcher {

    /// Starts one invocation. `timeoutReason` names who set `timeout` when it is not the callback's own (a retry
    /// deadline cut it short), null when it is; it becomes the TIMED_OUT message.
    InvocationFuture launch(AsyncCallback callback, String name, Duration timeout, String timeoutReason, int attempt,
                            long group);

    long newGroup();

    Scheduler scheduler();

    Emitter emitter();

    long seed();
}
