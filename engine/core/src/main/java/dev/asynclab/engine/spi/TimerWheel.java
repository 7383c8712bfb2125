package dev.asynclab.engine.spi;

import dev.asynclab.engine.spi.Scheduler.Cancellable;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/// A hashed timing wheel on one thread: the real clock's timer for timeouts, retry delays and arrivals.
///
/// Arming and cancelling cost one compare-and-set each and (almost) never wake the timer thread (a
/// `ScheduledThreadPoolExecutor` takes a lock and signals its thread on both, which on two cores costs more than
/// a trivial callback). The thread sleeps until the earliest deadline it holds (looking at most `HORIZON` ticks
/// ahead) and fires every timer whose deadline has passed when it wakes: a task is late only by the thread's
/// wake-up, not by a tick. It parks when nothing has been pending for a while.
final class TimerWheel implements AutoCloseable {

    /* Overview. Producers push new timers and cancelled timers onto two lock-free stacks. Only the timer thread
     * touches the buckets (`DeadlineBuckets`): each turn it drains both stacks (inserting new timers by deadline;
     * unlinking cancelled ones so a million cancelled 30 s timeouts do not sit in memory for 30 s), then fires
     * every timer whose deadline has passed, runs the work those asked to run after them (`afterTick`), and
     * sleeps until the earliest deadline left. A timer's state moves PENDING -> CANCELLED or PENDING -> FIRED by
     * one CAS, so cancel and fire race safely: exactly one wins. A producer whose timer is due before the
     * sleeper's wake-up time wakes it (see `wakeAt`). The deadlines of running calls that workers keep in slots
     * (`DeadlineSlots`) are scanned at each turn too, and follow the same wake-up rule.
     * Pacing the stops. The work timers put off (`afterTick`: a timeout interrupting its worker) is held while
     * another deadline is due within `StopPacing.GAP`, at most `StopPacing.CAP` after the first was put off (the
     * thread then wakes by that time): an interrupted worker wakes and runs to its end, a cluster of them fills both
     * cores, and the thread, waking for the rest of the cluster, waited for a CPU behind them (see `StopPacing`). */

    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int FIRED = 2;

    private final DeadlineBuckets buckets;
    private final AtomicReference<Timer> added = new AtomicReference<>();
    private final AtomicReference<Timer> cancelled = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean idle;
    /// Work that timers asked to run once every due timer has fired (see `afterTick`), held while more deadlines
    /// are about to come due (`StopPacing`) since `afterTickSince`.
    private final java.util.ArrayList<Runnable> afterTick = new java.util.ArrayList<>();
    private boolean holdingAfterTick;
    private long afterTickSince;
    private static final ThreadLocal<TimerWheel> CURRENT = new ThreadLocal<>();
    private final java.util.function.Consumer<DeadlineBuckets.Node> fire = this::fire;
    /// The deadlines of running calls that workers keep in slots of their own (`newDeadlineSlot`).
    private final DeadlineSlots slots = new DeadlineSlots(this::wakeIfSleepingPast);
    private final java.util.function.Consumer<Scheduler.Deadline> fireDeadline = TimerWheel::fireDeadline;
    private volatile boolean closed;
    /// Time (not turns of the loop) to keep sleeping timed with nothing pending before parking for good: a steady
    /// stream of short timeouts, armed and cancelled before the thread ever inserts them, leaves nothing pending,
    /// and a thread that parked after so many turns rather than so much time parked at once after each wake-up,
    /// so nearly every `schedule` paid an unpark (a system call) and the thread a wake-up.
    private final long lingerNanos;
    /// When a timer was last pending or arrived; parking for good waits until `lingerNanos` have passed since.
    private long lastBusy;
    /// How far ahead (in ticks) the thread looks for a due timer before it sleeps: 20 ticks of 0.5 ms. A pool
    /// arming and cancelling a 30 s timeout per call then wakes the thread every 10 ms rather than every tick,
    /// and the cancelled timers it must unlink wait at most that long.
    static final int HORIZON = 20;
    /// When the sleeping thread will next wake (nanoTime): a timer due before it must wake the thread now.
    private volatile long wakeAt = Long.MIN_VALUE;
    private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<Timer> STATE =
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Timer.class, "state");

    /// A timer: cancellable until it fires.
    final class Timer extends DeadlineBuckets.Node implements Cancellable {
        final Runnable task;
        volatile int state;
        Timer nextNew;
        Timer nextCancelled;

        Timer(long deadline, Runnable task) {
            super(deadline);
            this.task = task;
        }

        @Override
        public boolean cancel() {
            if (!STATE.compareAndSet(this, PENDING, CANCELLED)) {
                return false;
            }
            Timer head;
            do {
                head = cancelled.get();
                nextCancelled = head; // its own link: the timer may still sit in the `added` stack
            } while (!cancelled.compareAndSet(head, this));
            return true;
        }
    }

    /// A wheel of `wheelSize` buckets (rounded up to a power of two) of `tickNanos` each.
    public TimerWheel(String name, long tickNanos, int wheelSize) {
        this.buckets = new DeadlineBuckets(System.nanoTime(), tickNanos, wheelSize);
        this.lingerNanos = 200 * tickNanos;
        // Above the workers: a deadline must not wait behind the work it is there to cut short.
        this.thread = Thread.ofPlatform().name(name).daemon(true).priority(Thread.MAX_PRIORITY).unstarted(this::loop);
        thread.start();
    }

    /// Runs `task` on the timer thread once `delayNanos` have passed (at its next turn when zero or less).
    public Cancellable schedule(Runnable task, long delayNanos) {
        return scheduleAt(task, System.nanoTime() + Math.max(0, delayNanos));
    }

    /// Runs `task` on the timer thread once `System.nanoTime()` has reached `deadline` (at its next turn when it
    /// already has). Every use of a deadline is a difference from `origin`, so a deadline that wrapped still works.
    public Cancellable scheduleAt(Runnable task, long deadline) {
        var t = new Timer(deadline, task);
        Timer head;
        do {
            head = added.get();
            t.nextNew = head; // read only by the timer thread, after it takes the whole stack
        } while (!added.compareAndSet(head, t));
        wakeIfSleepingPast(t.deadline);
        return t;
    }

    /// A slot for the deadline of one running call at a time, scanned by this wheel's thread (`DeadlineSlots`).
    public Scheduler.DeadlineSlot newDeadlineSlot() {
        return slots.newSlot();
    }

    /// Wakes the thread when it is parked, or asleep past `deadline`. Called after the timer or deadline was made
    /// visible to the thread: see the Overview.
    private void wakeIfSleepingPast(long deadline) {
        long wake = wakeAt;
        if (idle || (wake != Long.MIN_VALUE && deadline - wake < 0)) {
            LockSupport.unpark(thread);
        }
    }

    /// Runs `task` after every timer due at this wake-up of the thread has fired, when called from a timer task; at
    /// once otherwise. A timeout tells its caller first and stops the timed-out work after: with a hundred timeouts due
    /// together, no caller waits behind the interrupting of the others' threads.
    public static void afterTick(Runnable task) {
        TimerWheel wheel = CURRENT.get();
        if (wheel == null) {
            task.run();
        } else {
            wheel.afterTick.add(task);
        }
    }

    private void runAfterTick() {
        holdingAfterTick = false;
        for (int i = 0; i < afterTick.size(); i++) {
            try {
                afterTick.get(i).run();
            } catch (Throwable ignored) {
                // one failing stop must not keep the others from running
            }
        }
        afterTick.clear();
    }

    private void loop() {
        CURRENT.set(this);
        lastBusy = System.nanoTime();
        while (!closed) {
            drainCancelled();
            boolean arrived = drainAdded();
            long now = System.nanoTime();
            if (arrived || buckets.size() > 0 || slots.inUse()) {
                lastBusy = now;
            }
            buckets.expire(now, fire);
            slots.expire(now, fireDeadline);
            long next = buckets.nextDeadline(HORIZON);
            if (slots.hasArmed() && slots.earliest() - next < 0) {
                next = slots.earliest();
            }
            if (!afterTick.isEmpty()) {
                if (!holdingAfterTick) {
                    holdingAfterTick = true;
                    afterTickSince = now;
                }
                if (StopPacing.stopNow(now, afterTickSince, next)) {
                    runAfterTick();
                } else {
                    next = StopPacing.wakeBy(afterTickSince, next);
                }
            }
            if (afterTick.isEmpty() && buckets.size() == 0 && !slots.inUse() && now - lastBusy > lingerNanos) {
                idle = true;
                if (added.get() == null && !slots.inUse() && !closed) {
                    LockSupport.park(this);
                }
                idle = false;
            } else {
                wakeAt = next;
                // Checked after publishing wakeAt: a timer added (or a deadline armed) before that compared itself
                // with the old value.
                long wait = next - System.nanoTime();
                if (wait > 0 && added.get() == null && !slots.armedBefore(next)) {
                    LockSupport.parkNanos(this, wait);
                }
                wakeAt = Long.MIN_VALUE; // awake: producers need not wake it
            }
        }
        runAfterTick(); // closing: the work still held is stopped now
    }

    /// Inserts the timers scheduled since the last drain; true when there were any (cancelled ones included).
    private boolean drainAdded() {
        Timer t = added.getAndSet(null);
        boolean any = t != null;
        while (t != null) {
            Timer next = t.nextNew;
            t.nextNew = null;
            if (t.state == PENDING) {
                buckets.add(t);
            }
            t = next;
        }
        return any;
    }

    private void drainCancelled() {
        Timer t = cancelled.getAndSet(null);
        while (t != null) {
            Timer next = t.nextCancelled;
            t.nextCancelled = null;
            buckets.remove(t); // one cancelled before it was inserted is not queued, and drainAdded skips it
            t = next;
        }
    }

    private void fire(DeadlineBuckets.Node node) {
        Timer t = (Timer) node;
        if (STATE.compareAndSet(t, PENDING, FIRED)) {
            try {
                t.task.run();
            } catch (Throwable ignored) {
                // a failing task must not stop every other timer
            }
        }
    }

    private static void fireDeadline(Scheduler.Deadline d) {
        try {
            d.onDeadline();
        } catch (Throwable ignored) {
            // a failing deadline must not stop every other timer
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
