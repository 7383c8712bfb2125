package dev.asynclab.engine.spi;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/// The real clock: `System.nanoTime()`, one timer thread, and virtual (default) or platform worker threads.
///
/// The timer thread only flips state and completes futures; it never runs a callback, so one slow callback
/// cannot make another's timeout late. The timer is a hashed wheel of 0.5 ms buckets (`TimerWheel`): arming and
/// cancelling a timeout cost one CAS each, and its thread sleeps until the earliest deadline, so a timeout is late
/// only by that thread's wake-up.
///
/// ```java
/// Scheduler real = RealScheduler.shared();                  // virtual threads
/// Scheduler platform = new RealScheduler(RealScheduler.ThreadMode.PLATFORM);
/// ```
public final class RealScheduler implements Scheduler, AutoCloseable {

    private static final class Holder {
        static final RealScheduler SHARED = new RealScheduler(ThreadMode.VIRTUAL, true);
    }

    private static final AtomicLong TIMERS = new AtomicLong();

    /// `System.nanoTime` as one shared supplier: every real scheduler's `clock()`, and the clock of a bus made by
    /// `EventBus.create(capacity, sinks)`, so the engine can stamp such a bus's events with its own readings.
    public static final LongSupplier SYSTEM_CLOCK = System::nanoTime;

    /// The span of one bucket of the timer wheel. Timers fire at their deadline, not at the end of their bucket; the
    /// span sets how far ahead the timer thread looks for one (20 buckets) and how the wheel spreads its timers.
    public static final long TICK_NANOS = 500_000;

    /// How long a worker thread that ran out of work waits for a pool's next call before it ends.
    public static final long WORKER_LINGER_NANOS = 1_000_000;

    private final TimerWheel timer;
    private final ExecutorService workers;
    private final ThreadMode mode;
    private final boolean shared;

    /// A real clock of its own (close it when done), running callbacks on `mode` threads.
    public RealScheduler(ThreadMode mode) {
        this(mode, false);
    }

    private RealScheduler(ThreadMode mode, boolean shared) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.shared = shared;
        this.timer = new TimerWheel("asynclab-timer-" + TIMERS.incrementAndGet(),
                TICK_NANOS, 1024);
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
    public LongSupplier clock() {
        return SYSTEM_CLOCK;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        return timer.schedule(task, delayNanos);
    }

    /// `atNanos` is a `System.nanoTime` reading; the wheel keeps it as the deadline, with no clock read.
    @Override
    public Cancellable scheduleAt(Runnable task, long atNanos) {
        return timer.scheduleAt(task, atNanos);
    }

    /// A slot the timer thread scans at each wake-up: arming it costs one volatile write and disarming one CAS,
    /// with no timer made, inserted or unlinked per call (see `DeadlineSlots`).
    @Override
    public DeadlineSlot deadlineSlot() {
        return timer.newDeadlineSlot();
    }

    @Override
    public Executor workers() {
        return workers;
    }

    /// A worker thread waits up to `WORKER_LINGER_NANOS` for a pool's next call (see `Scheduler.workerLingerNanos`):
    /// a parked thread costs no CPU, and a pool fed one call at a time then starts no thread per call.
    @Override
    public long workerLingerNanos() {
        return WORKER_LINGER_NANOS;
    }

    /// On the timer thread, after every timer due at its current wake-up has fired, and held while another
    /// deadline is due within 1 ms (at most 2 ms: `StopPacing`); elsewhere at once.
    @Override
    public void afterCurrentTick(Runnable task) {
        TimerWheel.afterTick(task);
    }

    /// Stops the timer and worker threads (running callbacks are interrupted). Does nothing on `shared()`, which
    /// the default runtime uses for the life of the process.
    @Override
    public void close() {
        if (shared) {
            return;
        }
        timer.close();
        workers.shutdownNow();
    }

    /// Which threads run callbacks on the real clock.
    public enum ThreadMode {
        /// One virtual thread per running callback: cheap to block, the default.
        VIRTUAL,
        /// Platform threads from a cached pool: to show what blocking costs when threads are scarce.
        PLATFORM
    }
}
