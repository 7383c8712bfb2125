package dev.asynclab.engine;

import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;

/// Starts invocations somewhere (a pool, or straight on the runtime's workers) for the retry, parallel, race
/// and hedged helpers, which do not care where.
interface Launcher {

    /// Starts one invocation. `timeoutReason` names who set `timeout` when it is not the callback's own (a retry
    /// deadline cut it short), null when it is; it becomes the TIMED_OUT message.
    InvocationFuture launch(AsyncCallback callback, String name, Duration timeout, String timeoutReason, int attempt,
                            long group);

    /// An invocation that a policy refused before it could run: it is submitted and ends REJECTED at once,
    /// `reason` its message and `policy` (`circuit-breaker`, `rate-limiter`, `bulkhead`) its event's value.
    InvocationFuture refuse(String name, int attempt, long group, String reason, String policy);

    long newGroup();

    Scheduler scheduler();

    Emitter emitter();

    long seed();
}
