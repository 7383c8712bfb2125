package dev.asynclab.lab.scenario;

import dev.asynclab.engine.spi.Scheduler;

/// One step's arrivals, fired at their planned times on a scheduler's timer, armed one at a time: a million
/// pending arrivals would make every timer operation pay for a million-entry heap.
///
/// Each arrival is armed for its planned time counted from the run's origin, not for its gap after the previous
/// one fired: a real timer fires late (a tick, a busy CPU), and gaps measured from the late firing add those
/// delays up — a Poisson stream declared at 200/s ran at 183/s on the real clock, 0.45 ms late per arrival.
/// Counted from the origin, an arrival is at most as late as its own firing; one that is already due fires at
/// once, so a stream that fell behind catches up. On the simulated clock, where timers fire on time, both ways
/// give the same times.
///
/// Two kinds, as for `LiveCalls`: `concurrent()` may be closed from any thread while its timer fires (the real
/// clock); `forOneThread()` is armed, fired and closed on one thread only (the simulated clock's), and re-arms one
/// deadline slot of its scheduler for each arrival instead of scheduling a timer: no lock and no object per arrival.
/// Both fire at the same times, in the same order among everything else on the scheduler (`ArrivalStreamTest`).
///
/// ```java
/// var stream = ArrivalStream.concurrent(scheduler, scheduler.nanoTime(), new long[] {0, 5_000_000}, () -> submit());
/// stream.start();   // submit() at the origin and 5 ms after it
/// ```
abstract sealed class ArrivalStream {

    final Scheduler scheduler;
    final long origin;
    final long[] times;
    final Runnable onArrival;

    /// @param origin    the run's start on `scheduler`'s clock
    /// @param times     each arrival's planned time after `origin`, in nanoseconds, in order
    /// @param onArrival run on the timer for each arrival
    ArrivalStream(Scheduler scheduler, long origin, long[] times, Runnable onArrival) {
        this.scheduler = scheduler;
        this.origin = origin;
        this.times = times;
        this.onArrival = onArrival;
    }

    /// A stream that any thread may close while its timer fires.
    static ArrivalStream concurrent(Scheduler scheduler, long origin, long[] times, Runnable onArrival) {
        return new Concurrent(scheduler, origin, times, onArrival);
    }

    /// A stream started, fired and closed on one thread only, the one that runs `scheduler`'s timers.
    static ArrivalStream forOneThread(Scheduler scheduler, long origin, long[] times, Runnable onArrival) {
        return new OneThread(scheduler, origin, times, onArrival);
    }

    /// Arms the first arrival.
    abstract void start();

    /// Calls off the arrivals still to come; returns how many there were.
    abstract int close();

    private static final class Concurrent extends ArrivalStream {

        /// `fire` as a task, made once: a method reference made at each arming was one more object per arrival.
        private final Runnable fireTask = this::fire;
        private int next;
        private Scheduler.Cancellable pending;
        private boolean closed;

        Concurrent(Scheduler scheduler, long origin, long[] times, Runnable onArrival) {
            super(scheduler, origin, times, onArrival);
        }

        @Override
        void start() {
            arm();
        }

        // `pending`, `next` and `closed` are guarded by this: `close` runs on whichever thread ends the run while the
        // timer fires.
        private synchronized void arm() {
            if (closed || next >= times.length) {
                return;
            }
            pending = scheduler.schedule(fireTask, origin + times[next] - scheduler.nanoTime());
        }

        // One hold of the lock per arrival, its launch included, rather than one before and one after it (each an
        // atomic update of the lock word): `close` then waits for a launch under way, which takes no lock its caller
        // holds, and finds the next arrival armed, to call off (the lock is reentrant: a close from inside the launch
        // itself goes through).
        private synchronized void fire() {
            if (closed) {
                return;
            }
            next++;
            pending = null;
            onArrival.run();
            arm();
        }

        @Override
        synchronized int close() {
            closed = true;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            int left = times.length - next;
            next = times.length;
            return left;
        }
    }

    /// The next arrival is the deadline in a slot of its own (`Scheduler.deadlineSlot`): the slot is armed with the
    /// stream itself, which answers the next arrival's time, so re-arming it makes nothing. On the simulated clock a
    /// slot's deadline takes its place in (due, order) order as it is armed, just as a timer scheduled then would:
    /// the arrivals fire at the same times and in the same order as `Concurrent`'s timers. A timer per arrival cost a
    /// task and the stream's lock twice (entered for the firing, again for the re-arming inside it) on the thread
    /// the whole simulated run is made of.
    private static final class OneThread extends ArrivalStream implements Scheduler.Deadline {

        private final Scheduler.DeadlineSlot slot;
        private int next;
        private boolean closed;

        OneThread(Scheduler scheduler, long origin, long[] times, Runnable onArrival) {
            super(scheduler, origin, times, onArrival);
            this.slot = scheduler.deadlineSlot();
        }

        @Override
        void start() {
            arm();
        }

        private void arm() {
            if (!closed && next < times.length) {
                slot.arm(this);
            }
        }

        /// The next arrival's time; read by the slot as it is armed, and `next` moves only once it has fired.
        @Override
        public long deadlineNanos() {
            return origin + times[next];
        }

        @Override
        public void onDeadline() {
            if (closed) {
                return; // fired after a close, as a slot's contract allows: nothing is left to arrive
            }
            next++;
            onArrival.run();
            arm();
        }

        @Override
        int close() {
            closed = true;
            slot.disarm(this);
            int left = times.length - next;
            next = times.length;
            return left;
        }
    }
}
