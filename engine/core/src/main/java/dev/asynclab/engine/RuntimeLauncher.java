package dev.asynclab.engine;

import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.internal.Launcher;
import dev.asynclab.engine.spi.Scheduler;

/// A launcher whose clock, events, groups and seed are its runtime's: what every launcher but `launch` shares.
abstract class RuntimeLauncher implements Launcher {

    final AsyncCallbackRuntime runtime;

    RuntimeLauncher(AsyncCallbackRuntime runtime) {
        this.runtime = runtime;
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
