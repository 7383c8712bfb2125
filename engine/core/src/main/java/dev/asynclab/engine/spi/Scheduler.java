package dev.asynclab.engine.spi;

import java.util.concurrent.Executor;

/// The engine's only source of time: a monotonic clock, a timer, and the executor callbacks run on.
///
/// Every timestamp, deadline and delay in the engine goes through one of these, so the same engine code runs
/// on the real clock (`dev.asynclab.engine.spi.RealScheduler`) and on simulated time
/// (`dev.asynclab.engine.spi.SimulatedScheduler`).
///
/// ```java
/// Scheduler clock = new SimulatedScheduler();
/// clock.schedule(() -> System.out.println("at " + clock.nanoTime()), 5_000_000);   // 5 ms later
/// ((SimulatedScheduler) clock).runUntilIdle();                                      // prints "at 5000000"
/// ```
public interface Scheduler {

    /// Nanoseconds on this clock; only differences mean anything.
    long nanoTime();

    /// Runs `task` once, `delayNanos` from now (at once when zero or less). The task must not block.
    Cancellable schedule(Runnable task, long delayNanos);

    /// Where callbacks run. On the real clock: new virtual or platform threads; on the simulated clock: the
    /// simulation thread.
    Executor workers();

    /// True for simulated time, where sleeping means advancing the clock, not blocking.
    boolean isSimulated();
}
