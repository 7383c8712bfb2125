package dev.asynclab.engine.spi;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/// The engine's only source of time: a monotonic clock, a timer, the executor callbacks run on, and everything
/// else that differs between real and simulated time. The engine never asks which clock it runs on: it calls
/// these methods, and each clock does what time means for it.
///
/// Every timestamp, deadline and delay in the engine goes through one of these, so the same engine code runs
/// on the real clock (`RealScheduler`) and on simulated time (`SimulatedScheduler`). The default methods give
/// real-time behaviour (blocking the calling thread), right for any scheduler whose workers are real threads.
///
/// ```java
/// var sim = new SimulatedScheduler();
/// sim.schedule(() -> System.out.println("at " + sim.nanoTime()), 5_000_000);   // 5 ms later
/// sim.runUntilIdle();                                                          // prints "at 5000000"
/// ```
public interface Scheduler {

    /// Nanoseconds on this clock; only differences mean anything.
    long nanoTime();

    /// This clock as a supplier: the same object at every call, so an `EventBus` created with it reads the clock the
    /// engine reads, and the engine may stamp its events with readings it took anyway (`EventBus.publishAt`). The
    /// default is a fresh supplier each time: correct, and the bus then reads the clock itself.
    ///
    /// ```java
    /// var sim = new SimulatedScheduler();
    /// var bus = EventBus.create(sim.clock(), 1 << 16, List.of(System.out::println));
    /// ```
    default LongSupplier clock() {
        return this::nanoTime;
    }

    /// Runs `task` once, `delayNanos` from now (at once when zero or less). The task must not block.
    Cancellable schedule(Runnable task, long delayNanos);

    /// Runs `task` once, when this clock reads `atNanos` (at once when it already has). Times are compared by
    /// their difference, as `System.nanoTime` values must be, so `atNanos` may wrap. The default asks the clock for
    /// the delay; a clock that keeps deadlines itself overrides it to spare that read.
    ///
    /// ```java
    /// var sim = new SimulatedScheduler();
    /// sim.scheduleAt(() -> System.out.println("at " + sim.nanoTime()), sim.nanoTime() + 5_000_000);
    /// sim.runUntilIdle();                                                          // prints "at 5000000"
    /// ```
    default Cancellable scheduleAt(Runnable task, long atNanos) {
        return schedule(task, atNanos - nanoTime());
    }

    /// A slot for the deadline of the one call at a time that a worker runs: the worker arms it with each call's
    /// deadline as the call starts and disarms it as the call ends, and the deadline fires (on the timer thread) if it
    /// passes in between. A clock may keep such slots with no timer per call; the default arms a timer per deadline
    /// with `scheduleAt`, as a call would without a slot.
    ///
    /// ```java
    /// var sim = new SimulatedScheduler();
    /// Scheduler.DeadlineSlot slot = sim.deadlineSlot();
    /// slot.arm(new Scheduler.Deadline() {
    ///     public long deadlineNanos() { return 5_000_000; }
    ///     public void onDeadline() { System.out.println("due at " + sim.nanoTime()); }
    /// });
    /// sim.runUntilIdle();                                                          // prints "due at 5000000"
    /// ```
    default DeadlineSlot deadlineSlot() {
        return new TimerPerDeadline(this);
    }

    /// Where callbacks run. On the real clock: new virtual or platform threads; on the simulated clock: the
    /// simulation thread.
    Executor workers();

    /// How long a worker thread that ran out of work may wait for more before it ends, in nanoseconds of the
    /// machine's own time: a pool then hands its next call to that thread instead of starting one. 0 (the default):
    /// never wait — a clock whose `workers()` run on a thread that has other things to do (the simulated clock's
    /// one thread) must not have them wait.
    default long workerLingerNanos() {
        return 0;
    }

    /// A callback sleeps `nanos` on its worker, and stops early with `InterruptedException` when interrupted.
    ///
    /// @return the nanoseconds to charge the callback: 0 when the time has really passed (the real clock), or
    ///         `nanos` when it is to pass in simulated time once the callback returns
    default long sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
        return 0;
    }

    /// A callback sleeps `nanos` on its worker and ignores interrupts, as a badly behaved callback does.
    ///
    /// @return the nanoseconds to charge, as for `sleep`
    default long sleepIgnoringInterrupt(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException swallowed) {
                // deliberately ignored: this is the badly behaved callback the engine must survive
            }
        }
        return 0;
    }

    /// A callback does `nanos` of busy CPU work on its worker (spinning on a real clock), stopping with
    /// `InterruptedException` when interrupted.
    ///
    /// @return the nanoseconds to charge, as for `sleep`
    default long busyWork(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                sink += i * 31L ^ sink;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("cpu work interrupted");
            }
        }
        if (sink == 42) {
            Thread.onSpinWait(); // keeps the loop from being optimised away
        }
        return 0;
    }

    /// Time a callback spent for real (a script, say) that this clock has not seen pass.
    ///
    /// @return the nanoseconds to charge: 0 on the real clock, where that time has passed; `nanos` on a simulated
    ///         one, where it has not
    default long charge(long nanos) {
        return 0;
    }

    /// Runs `task` once the timers due together with the current one have fired, when called from a timer task;
    /// at once otherwise. A timeout tells its caller first and stops the timed-out work after, so with many
    /// timeouts due together no caller waits behind the stopping of the others' work. A clock may hold such work
    /// a little longer, while more timers are about to come due: the real clock holds it while another deadline is
    /// due within 1 ms, and at most 2 ms (woken workers would take the CPUs those timers' callers wait for).
    default void afterCurrentTick(Runnable task) {
        task.run();
    }

    /// Waits until `future` is done or `timeoutNanos` have passed on this clock (`Long.MAX_VALUE`: no limit).
    /// The real clock blocks the calling thread; the simulated clock runs its tasks meanwhile instead, and also
    /// stops when it has nothing left to run.
    ///
    /// @return true when `future` is done
    default boolean await(Future<?> future, long timeoutNanos) throws InterruptedException {
        try {
            if (timeoutNanos == Long.MAX_VALUE) {
                future.get();
            } else {
                future.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.CancellationException ended) {
            return true; // done, whichever way
        } catch (TimeoutException notYet) {
            return future.isDone();
        }
        return true;
    }

    /// A deadline a `DeadlineSlot` holds.
    interface Deadline {

        /// When it is due, on this clock (compared by difference, so it may wrap). It must not change while armed.
        long deadlineNanos();

        /// Called once when the deadline has passed while armed, from the timer (a timer task: it must not block).
        /// It may also be called just after its slot was disarmed or armed anew, if that raced with the firing:
        /// whoever handles it must tell a deadline that no longer matters, as an ended call's state machine does.
        void onDeadline();
    }

    /// A place for one deadline at a time (see `deadlineSlot`). Safe to use from any thread that may schedule on its
    /// scheduler: any thread on the real clock; on the simulated clock, which is not thread-safe, its own thread.
    interface DeadlineSlot {

        /// Arms `deadline` in this slot, in place of any deadline it held (which will then not fire from here).
        void arm(Deadline deadline);

        /// Clears `deadline` if this slot still holds it; a deadline armed after it stays.
        void disarm(Deadline deadline);
    }

    /// A scheduled task that can be called off.
    @FunctionalInterface
    interface Cancellable {

        /// Calls the task off; false when it already ran or was cancelled.
        boolean cancel();
    }
}
