package dev.asynclab.lab.limit;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;

/// Drives a pool's size with a [ConcurrencyLimit]: each ended call is one sample, and a new limit resizes the
/// pool, which records it as a `POOL_RESIZED` event — so the limit over time is in the event stream, the audit
/// log and the timeline like any resize.
///
/// A call's RTT is its execution time (start to end, which includes any wait behind the pool, for example in a
/// downstream's queue, but not the wait in the pool's own queue, which the limit decides); it is dropped when it
/// timed out or was rejected; in flight is the pool's running count when it ended.
///
/// Thread safety: `onResult` may be called from any thread (the real clock ends calls on many); samples are
/// taken one at a time under this object's lock, because the algorithms keep state across samples.
///
/// ```java
/// var adaptive = new AdaptivePool(pool, ConcurrencyLimit.gradient2(20, 1, 200, 4, 0.2, 600));
/// AsyncCallbacks.execute(pool, task).thenAccept(adaptive::onResult);
/// ```
public final class AdaptivePool {

    private final AsyncCallbackPool pool;
    private final ConcurrencyLimit limit;
    private int current;

    public AdaptivePool(AsyncCallbackPool pool, ConcurrencyLimit limit) {
        this.pool = pool;
        this.limit = limit;
        this.current = limit.limit();
    }

    /// Takes the sample of one ended call; cancelled calls say nothing of the load and are skipped.
    public synchronized void onResult(AsyncCallbackResult result) {
        if (result.status() == AsyncCallbackResult.Status.CANCELLED) {
            return;
        }
        boolean dropped = result.status() == AsyncCallbackResult.Status.TIMED_OUT
                || result.status() == AsyncCallbackResult.Status.REJECTED;
        long rtt = result.executionTime() == null ? 0 : result.executionTime().toNanos();
        int next = Math.max(1, limit.update(Math.max(1, rtt), pool.activeCount(), dropped));
        if (next != current) {
            current = next;
            pool.resize(next);
        }
    }

    /// The limit now.
    public synchronized int limit() {
        return current;
    }
}
