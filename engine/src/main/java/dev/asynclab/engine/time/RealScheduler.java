package dev.asynclab.engine.time;

import dev.asynclab.engine.spi.Cancellable;
import dev.asynclab.engine.spi.Scheduler;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// The real clock: `System.nanoTime()`, one timer thread, and virtual (default) or platform worker threads.
///
/// The timer thread only flips state and completes futures; it never runs a callback, so one slow callback
/// cannot make another's timeout late.
///
/// ```java
/// Scheduler real = RealScheduler.shared();                  // virtual threads
/// Scheduler platform = new RealScheduler(ThreadMode.PLATFORM);
/// ```
public final class RealScheduler implements Scheduler, AutoCloseable {

    private static final class Holder {
        static final RealScheduler SHARED = new RealScheduler(ThreadMode.VIRTUAL);
    }

    private static final AtomicLong TIMERS = new AtomicLong();

    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService workers;
    private final ThreadMode mode;

    public RealScheduler(ThreadMode mode) {
        this.mode = mode;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "asynclab-timer-" + TIMERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Cancelled timeouts are the common case (most callbacks finish in time): drop them from the heap at
        // once, or 10,000 fast callbacks with a 30 s timeout would leave 10,000 dead entries behind.
        timer.setRemoveOnCancelPolicy(true);
        ThreadFactory factory = mode == ThreadMode.VIRTUAL
                ? Thread.ofVirtual().name("asynclab-v", 0).factory()
                : Thread.ofPlatform().name("asynclab-p", 0).daemon(true).factory();
        this.workers = mode == ThreadMode.VIRTUAL
                ? Executors.newThreadPerTaskExecutor(factory)
                : Executors.newCachedThreadPool(factory);
    }

    /// A process-wide real scheduler on virtual threads; never closed.
    public static RealScheduler shared() {
        return Holder.SHARED;
    }

    public ThreadMode threadMode() {
        return mode;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        if (delayNanos <= 0) {
            timer.execute(task);
            return () -> false;
        }
        var f = timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public boolean isSimulated() {
        return false;
    }

    /// Stops the timer and worker threads (running callbacks are interrupted).
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
