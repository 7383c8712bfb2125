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
/// ```java
/// var stream = new ArrivalStream(scheduler, scheduler.nanoTime(), new long[] {0, 5_000_000}, () -> submit());
/// stream.start();   // submit() at the origin and 5 ms after it
/// ```
final class ArrivalStream {

    private final Scheduler scheduler;
    private final long origin;
    private final long[] times;
    private final Runnable onArrival;
    /// `fire` as a task, made once: a method reference made at each arming was one more object per arrival.
    private final Runnable fireTask = this::fire;
    private int next;
    private Scheduler.Cancellable pending;
    private boolean closed;

    /// @param origin    the run's start on `scheduler`'s clock
    /// @param times     each arrival's planned time after `origin`, in nanoseconds, in order
    /// @param onArrival run on the timer for each arrival
    ArrivalStream(Scheduler scheduler, long origin, long[] times, Runnable onArrival) {
        this.scheduler = scheduler;
        this.origin = origin;
        this.times = times;
        this.onArrival = onArrival;
    }

    /// Arms the first arrival.
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

    /// Calls off the arrivals still to come; returns how many there were.
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
