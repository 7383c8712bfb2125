package dev.asynclab.engine.spi;

import dev.asynclab.engine.spi.Scheduler.Cancellable;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/// A hashed timing wheel on one thread: the real clock's timer for timeouts, retry delays and arrivals.
///
/// Arming and cancelling cost one compare-and-set each and (almost) never wake the timer thread (a
/// `ScheduledThreadPoolExecutor` takes a lock and signals its thread on both, which on two cores costs more than
/// a trivial callback). Tasks fire on the tick after their deadline: at most one tick (`tickNanos`) late plus
/// the thread's wake-up. The thread sleeps until the next tick that has a timer due, looking at most `HORIZON`
/// ticks ahead, and parks when nothing is pending.
final class TimerWheel implements AutoCloseable {

    /* Overview. Producers push new timers and cancelled timers onto two lock-free stacks. Only the timer thread
     * touches the wheel: each tick it drains both stacks (inserting new timers into the bucket of their
     * deadline, with a number of full rotations still to wait; unlinking cancelled ones so a million cancelled
     * 30 s timeouts do not sit in memory for 30 s), then fires the due timers of every bucket it passed.
     * A timer's state moves PENDING -> CANCELLED or PENDING -> FIRED by one CAS, so cancel and fire race
     * safely: exactly one wins. */

    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int FIRED = 2;

    private final long tickNanos;
    private final Timer[] buckets;
    private final int mask;
    private final long origin = System.nanoTime();
    private final AtomicReference<Timer> added = new AtomicReference<>();
    private final AtomicReference<Timer> cancelled = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean idle;
    /// Work that timers of this tick asked to run once every due timer has fired (see `afterTick`).
    private final java.util.ArrayList<Runnable> afterTick = new java.util.ArrayList<>();
    private static final ThreadLocal<TimerWheel> CURRENT = new ThreadLocal<>();
    private volatile boolean closed;
    private long tick; // the last tick processed
    private int pending;
    /// Ticks of time (not turns of the loop) to keep ticking with nothing pending before parking: a steady stream
    /// of short timeouts, armed and cancelled before the thread ever inserts them, leaves nothing pending, and a
    /// thread that parked after so many turns rather than so much time parked at once after each wake-up, so
    /// nearly every `schedule` paid an unpark (a system call) and the thread a wake-up.
    private static final int LINGER_TICKS = 200;
    /// The last tick at which a timer was pending or arrived; parking waits until LINGER_TICKS have passed since.
    private long lastBusyTick;
    /// How far ahead (in ticks) the thread looks for a due timer before it sleeps: 20 ticks of 0.5 ms. A pool
    /// arming and cancelling a 30 s timeout per call then wakes the thread every 10 ms rather than every tick
    /// (2,000 wake-ups a second, each taking a CPU from a worker on a two-core machine), and the cancelled
    /// timers it must unlink wait at most that long.
    static final int HORIZON = 20;
    /// When the sleeping thread will next wake (nanoTime): a timer due before it must wake the thread now.
    private volatile long wakeAt = Long.MIN_VALUE;
    private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<Timer> STATE =
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Timer.class, "state");

    /// A timer: cancellable until it fires.
    final class Timer implements Cancellable {
        final long deadline;
        final Runnable task;
        volatile int state;
        Timer nextNew;
        Timer nextCancelled;
        Timer prev;
        Timer next;
        int bucket = -1;
        long rounds;

        Timer(long deadline, Runnable task) {
            this.deadline = deadline;
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

    public TimerWheel(String name, long tickNanos, int wheelSize) {
        this.tickNanos = tickNanos;
        int size = Integer.highestOneBit(Math.max(2, wheelSize - 1)) << 1;
        this.buckets = new Timer[size];
        this.mask = size - 1;
        // Above the workers: a deadline must not wait behind the work it is there to cut short.
        this.thread = Thread.ofPlatform().name(name).daemon(true).priority(Thread.MAX_PRIORITY).unstarted(this::loop);
        thread.start();
    }

    /// Runs `task` on the timer thread once `delayNanos` have passed (on the next tick when zero or less).
    public Cancellable schedule(Runnable task, long delayNanos) {
        return scheduleAt(task, System.nanoTime() + Math.max(0, delayNanos));
    }

    /// Runs `task` on the timer thread once `System.nanoTime()` has reached `deadline` (on the next tick when it
    /// already has). Every use of a deadline is a difference from `origin`, so a deadline that wrapped still works.
    public Cancellable scheduleAt(Runnable task, long deadline) {
        var t = new Timer(deadline, task);
        Timer head;
        do {
            head = added.get();
            t.nextNew = head; // read only by the timer thread, after it takes the whole stack
        } while (!added.compareAndSet(head, t));
        long wake = wakeAt;
        if (idle || (wake != Long.MIN_VALUE && t.deadline - wake < 0)) {
            LockSupport.unpark(thread); // parked, or asleep past this timer's tick
        }
        return t;
    }

    /// Runs `task` after every timer due in the current tick has fired, when called from a timer task; at once
    /// otherwise. A timeout tells its caller first and stops the timed-out work after: with a hundred timeouts due
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
        tick = ticksAt(System.nanoTime());
        while (!closed) {
            drainCancelled();
            boolean arrived = drainAdded();
            long nowTick = ticksAt(System.nanoTime());
            if (arrived || pending > 0) {
                lastBusyTick = nowTick;
            }
            while (tick < nowTick) {
                tick++;
                fire((int) (tick & mask));
            }
            runAfterTick();
            if (pending == 0 && nowTick - lastBusyTick > LINGER_TICKS) {
                idle = true;
                if (added.get() == null && !closed) {
                    LockSupport.park(this);
                }
                idle = false;
                tick = Math.max(tick, ticksAt(System.nanoTime()) - 1);
            } else {
                long nextTickAt = origin + (tick + ticksToNextDue()) * tickNanos;
                wakeAt = nextTickAt;
                // Checked after publishing wakeAt: a timer added before that compared itself with the old value.
                long wait = nextTickAt - System.nanoTime();
                if (wait > 0 && added.get() == null) {
                    LockSupport.parkNanos(this, wait);
                }
                wakeAt = Long.MIN_VALUE; // awake: producers need not wake it
            }
        }
    }

    /// Ticks from the current one to the next with a timer due in this rotation, at most `HORIZON`.
    private int ticksToNextDue() {
        for (int ahead = 1; ahead < HORIZON; ahead++) {
            for (Timer t = buckets[(int) ((tick + ahead) & mask)]; t != null; t = t.next) {
                if (t.rounds == 0) {
                    return ahead;
                }
            }
        }
        return HORIZON;
    }

    private long ticksAt(long nanoTime) {
        return (nanoTime - origin) / tickNanos;
    }

    /// Inserts the timers scheduled since the last drain; true when there were any (cancelled ones included).
    private boolean drainAdded() {
        Timer t = added.getAndSet(null);
        boolean any = t != null;
        while (t != null) {
            Timer next = t.nextNew;
            t.nextNew = null;
            if (t.state == PENDING) {
                insert(t);
            }
            t = next;
        }
        return any;
    }

    private void insert(Timer t) {
        // The first tick whose start is at or after the deadline: never early.
        long due = Math.max(tick + 1, (t.deadline - origin + tickNanos - 1) / tickNanos);
        t.rounds = (due - tick - 1) / buckets.length;
        int b = (int) (due & mask);
        t.bucket = b;
        t.prev = null;
        t.next = buckets[b];
        if (t.next != null) {
            t.next.prev = t;
        }
        buckets[b] = t;
        pending++;
    }

    private void unlink(Timer t) {
        if (t.bucket < 0) {
            return;
        }
        if (t.prev != null) {
            t.prev.next = t.next;
        } else {
            buckets[t.bucket] = t.next;
        }
        if (t.next != null) {
            t.next.prev = t.prev;
        }
        t.prev = null;
        t.next = null;
        t.bucket = -1;
        pending--;
    }

    private void drainCancelled() {
        Timer t = cancelled.getAndSet(null);
        while (t != null) {
            Timer next = t.nextCancelled;
            t.nextCancelled = null;
            unlink(t); // a timer cancelled before it was inserted has bucket -1 and is skipped by drainAdded
            t = next;
        }
    }

    private void fire(int bucket) {
        Timer t = buckets[bucket];
        while (t != null) {
            Timer next = t.next;
            if (t.rounds > 0) {
                t.rounds--;
            } else {
                unlink(t);
                if (STATE.compareAndSet(t, PENDING, FIRED)) {
                    try {
                        t.task.run();
                    } catch (Throwable ignored) {
                        // a failing task must not stop every other timer
                    }
                }
            }
            t = next;
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
