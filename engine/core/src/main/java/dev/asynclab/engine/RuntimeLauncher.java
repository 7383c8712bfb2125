package dev.asynclab.engine;

import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.spi.Scheduler;

/// A launcher whose clock, events, groups and seed are its runtime's: what every launcher but `launch` shares.
abstract class RuntimeLauncher implements Launcher {

    final AsyncCallbackRuntime runtime;

    RuntimeLauncher(AsyncCallbackRuntime runtime) {
        this.runtime = runtime;
    }

    /// Refused invocations never reach a pool or a worker: nobody has anything to count for them.
    private static final InvocationOwner NOBODY = new InvocationOwner() {
        @Override
        public void workerDoneLater(Invocation invocation) {
        }

        @Override
        public void ended(Invocation invocation, boolean neverStarted, boolean onWorker) {
        }
    };

    private static final AsyncCallback NEVER_RUNS = ctx -> {
        throw new IllegalStateException("a refused invocation never runs");
    };

    @Override
    public InvocationFuture refuse(String name, int attempt, long group, String reason, String policy) {
        var inv = new Invocation(runtime.newId(), attempt, group, name, NEVER_RUNS, java.time.Duration.ZERO, null,
                runtime.scheduler(), runtime.emitter(), runtime.seed(), NOBODY);
        inv.reject(0, reason, policy);
        return inv.future();
    }

    @Override
    public long newGroup() {
        return runtime.newGroup();
    }

    @Override
    public Scheduler scheduler() {
        return runtime.scheduler();
    }

    @Override
    public Emitter emitter() {
        return runtime.emitter();
    }

    @Override
    public long seed() {
        return runtime.seed();
    }
}
