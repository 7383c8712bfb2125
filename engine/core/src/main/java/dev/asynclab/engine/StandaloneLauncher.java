package dev.asynclab.engine;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/// Runs each invocation at once on the runtime's workers, with no limit; lanes "t0", "t1", ... are reused so
/// the timeline shows as many as ran at once.
final class StandaloneLauncher extends RuntimeLauncher implements InvocationOwner {

    StandaloneLauncher(AsyncCallbackRuntime runtime) {
        super(runtime);
    }

    Invocation create(AsyncCallback callback, String name, Duration timeout, String timeoutReason, int attempt,
                      long group) {
        return new Invocation(runtime.newId(), attempt, group, name, callback, timeout, timeoutReason,
                runtime.scheduler(), runtime.emitter(), runtime.seed(), this);
    }

    void start(Invocation inv) {
        try {
            runtime.scheduler().workers().execute(() -> {
                int lane = runtime.standaloneLanes().acquire();
                inv.slot(lane);
                if (inv.run(runtime.standaloneLanes().name(lane))) {
                    release(inv);
                }
            });
        } catch (RejectedExecutionException e) {
            inv.reject(0, "the runtime's workers are shut down");
        }
    }

    @Override
    public InvocationFuture launch(AsyncCallback callback, String name, Duration timeout, String timeoutReason,
                                   int attempt, long group) {
        Invocation inv = create(callback, name, timeout, timeoutReason, attempt, group);
        start(inv);
        return inv.future();
    }

    private void release(Invocation inv) {
        int lane = inv.slot();
        if (lane >= 0) {
            inv.slot(-1);
            runtime.standaloneLanes().release(lane);
        }
    }

    @Override
    public void workerDoneLater(Invocation invocation) {
        release(invocation);
    }

    @Override
    public void ended(Invocation invocation, boolean neverStarted, boolean onWorker) {
        // nothing to count: a standalone invocation's caller holds its future
    }
}
