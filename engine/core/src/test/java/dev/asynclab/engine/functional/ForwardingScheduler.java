package dev.asynclab.engine.functional;

import dev.asynclab.engine.spi.Scheduler;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/// A clock that does what another does; a test overrides the one thing it changes (how long workers linger,
/// when stops run).
public abstract class ForwardingScheduler implements Scheduler {

    private final Scheduler inner;

    protected ForwardingScheduler(Scheduler inner) {
        this.inner = inner;
    }

    @Override
    public long nanoTime() {
        return inner.nanoTime();
    }

    @Override
    public LongSupplier clock() {
        return inner.clock();
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        return inner.schedule(task, delayNanos);
    }

    @Override
    public Cancellable scheduleAt(Runnable task, long atNanos) {
        return inner.scheduleAt(task, atNanos);
    }

    @Override
    public DeadlineSlot deadlineSlot() {
        return inner.deadlineSlot();
    }

    @Override
    public Executor workers() {
        return inner.workers();
    }

    @Override
    public long workerLingerNanos() {
        return inner.workerLingerNanos();
    }

    @Override
    public void afterCurrentTick(Runnable task) {
        inner.afterCurrentTick(task);
    }

    @Override
    public long sleep(long nanos) throws InterruptedException {
        return inner.sleep(nanos);
    }

    @Override
    public long sleepIgnoringInterrupt(long nanos) {
        return inner.sleepIgnoringInterrupt(nanos);
    }

    @Override
    public long busyWork(long nanos) throws InterruptedException {
        return inner.busyWork(nanos);
    }

    @Override
    public long charge(long nanos) {
        return inner.charge(nanos);
    }

    @Override
    public boolean await(Future<?> future, long timeoutNanos) throws InterruptedException {
        return inner.await(future, timeoutNanos);
    }
}
