package dev.asynclab.engine.spi;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/// Simulated time: a discrete-event scheduler on one thread that never sleeps.
///
/// Tasks run in order of due time, ties in the order they were scheduled, so a run is a pure function of
/// its inputs: the same seed gives the same events, byte for byte. Callbacks "run" on the simulation thread
/// (`workers()` runs them as tasks due now). Not thread-safe: schedule and cancel only from the simulation
/// thread, or before `run*` starts.
///
/// ```java
/// var sim = new SimulatedScheduler();
/// var runtime = AsyncCallbackRuntime.builder().scheduler(sim).build();
/// var f = new AsyncCallbackWrapper(runtime, ctx -> { ctx.sleep(Duration.ofMillis(80)); return 1; },
///         "slow", Duration.ofMillis(50)).executeAsync();
/// sim.runUntilIdle();            // instant: f is now TIMED_OUT at exactly 50 ms of simulated time
/// ```
public final class SimulatedScheduler implements Scheduler {

    /* Overview: timers due later wait in a `DueQueue`, a 4-ary heap on (due, order); tasks due now (every start
     * of a callback is one) wait in a FIFO ring, which serves them without the heap's log n. The ring holds the
     * runnable itself with its due time and order in arrays beside it, so a callback handed to `workers()` (a
     * pool's every dispatch) costs no object; a task scheduled with no delay goes in as its `Task`, which can
     * still be called off (it runs nothing when it comes up). `order` is one
     * counter across both, and the next task is whichever head comes first in (due, order): two tasks due at
     * the same nanosecond always run in the order they were scheduled, which is what makes runs deterministic.
     * A timer called off leaves the heap at once (a timeout cancelled when its callback ends, the common case,
     * would otherwise deepen every sift until its due time); one due now is dropped when it reaches the head.
     * Timeouts armed in deadline slots (`deadlineSlot`, a pool's every call) take a third place, a `DeadlineList`:
     * a call's deadline is mostly due after every deadline armed before it, so it is linked at the list's tail and
     * unlinked when its call ends, each in a few steps and with no object made, where a timer per deadline cost a
     * task, a lambda and two sifts through the heap (with the heap half made of timeouts, every other timer's sift
     * was deeper too). A deadline whose place is further from the tail goes to the heap instead. The slot holds its
     * own place in either, so re-arming it makes nothing. A deadline takes the next `order` as it is armed, just as
     * a timer scheduled for it would, and `take` picks the first of the three heads in (due, order): runs are the
     * same, event for event, as with a timer per deadline.
     * Everything here belongs to the simulation thread, `cancel` included; only `requestStop` and `setSpeed`
     * may come from another thread. */

    /// Taken for a task called off: the run loops skip it.
    private static final Runnable CALLED_OFF = () -> { };

    /// Where `take` finds the next task in (due, order) order: none due, the ring, the heap or the deadline list.
    private static final int NONE = 0;
    private static final int RING = 1;
    private static final int HEAP = 2;
    private static final int LIST = 3;

    private final DueQueue queue = new DueQueue();
    private final DeadlineList deadlines = new DeadlineList();
    /// Tasks due now, in order: a ring of `nowSize` entries from `nowHead` (see the Overview).
    private Runnable[] nowTasks = new Runnable[64];
    private long[] nowDue = new long[64];
    private long[] nowOrder = new long[64];
    private int nowHead;
    private int nowSize;
    /// The due time of the task `take` returned last.
    private long takenDue;
    private long now;
    private long order;
    private final Executor workers = task -> addNow(task, order++);
    /// This clock as one supplier (`clock()`), so a bus made on it takes the engine's own readings as stamps.
    private final java.util.function.LongSupplier clock = this::nanoTime;
    private long executed;
    /// Wall nanoseconds per simulated nanosecond when paced; 0 when running as fast as possible.
    private volatile double wallPerSimNano;
    private volatile boolean stopRequested;

    private final class Task extends DueQueue.Entry implements Cancellable, Runnable {
        final long due;
        final long seq;
        Runnable action;

        Task(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        /// Calls the task off. From the simulation thread only, as everything else but `requestStop`.
        @Override
        public boolean cancel() {
            if (action == null) {
                return false;
            }
            action = null;
            queue.remove(this); // a task due now is in no heap (index -1): it is dropped when it reaches the head
            return true;
        }

        /// Only `take` runs a task, through the action it hands out; a `Task` is `Runnable` so that the ring
        /// of tasks due now can hold it beside plain runnables.
        @Override
        public void run() {
            throw new IllegalStateException("a simulated task is run by its scheduler");
        }
    }

    /// A deadline slot on this clock: itself the one entry its deadlines take, in the deadline list or the heap (see
    /// the Overview). From the simulation thread only, as everything else but `requestStop`.
    private final class SimulatedDeadlineSlot extends DeadlineList.Node implements DeadlineSlot, Runnable {
        /// The deadline armed here and waiting in the list or heap; null when none.
        private Deadline armed;

        @Override
        public void arm(Deadline deadline) {
            if (armed != null) {
                leave(); // replaced: it will not fire from here
            }
            armed = deadline;
            // What `scheduleAt` would do for it: a deadline already passed is due now, one to come at its time.
            long seq = order++;
            long delay = deadline.deadlineNanos() - now;
            long due = delay <= 0 ? now : now + delay;
            if (!deadlines.offer(this, due, seq)) {
                queue.add(this, due, seq);
            }
        }

        @Override
        public void disarm(Deadline deadline) {
            if (armed == deadline && deadline != null) {
                leave();
                armed = null;
            }
        }

        private void leave() {
            if (linked()) {
                deadlines.remove(this);
            } else {
                queue.remove(this);
            }
        }

        /// Fires the deadline armed here; `take` has already taken this slot out of the list or heap.
        @Override
        public void run() {
            Deadline due = armed;
            armed = null;
            due.onDeadline();
        }
    }

    private void addNow(Runnable task, long seq) {
        if (nowSize == nowTasks.length) {
            growNow();
        }
        int at = nowHead + nowSize & nowTasks.length - 1;
        nowTasks[at] = task;
        nowDue[at] = now;
        nowOrder[at] = seq;
        nowSize++;
    }

    private void growNow() {
        int n = nowTasks.length;
        Runnable[] tasks = new Runnable[n * 2];
        long[] due = new long[n * 2];
        long[] ord = new long[n * 2];
        for (int i = 0; i < n; i++) {
            int from = nowHead + i & n - 1;
            tasks[i] = nowTasks[from];
            due[i] = nowDue[from];
            ord[i] = nowOrder[from];
        }
        nowTasks = tasks;
        nowDue = due;
        nowOrder = ord;
        nowHead = 0;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /// The same supplier at every call: a bus made with it (`EventBus.create(sim.clock(), ...)`) is stamped with the
    /// readings the engine takes anyway, and reads no clock per event.
    @Override
    public java.util.function.LongSupplier clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        long seq = order++;
        if (delayNanos <= 0) {
            var t = new Task(now, seq, task);
            addNow(t, seq);
            return t;
        }
        var t = new Task(now + delayNanos, seq, task);
        queue.add(t, t.due, seq);
        return t;
    }

    /// At `atNanos` without a second reading of the clock (times compared by difference, as the SPI asks).
    @Override
    public Cancellable scheduleAt(Runnable task, long atNanos) {
        return schedule(task, atNanos - now);
    }

    /// True when the next task in (due, order) order is due at or before `time`.
    private boolean hasTaskDueBy(long time) {
        return nowSize > 0 && nowDue[nowHead] <= time || !queue.isEmpty() && queue.peekDue() <= time
                || !deadlines.isEmpty() && deadlines.peekDue() <= time;
    }

    /// Removes the next task in (due, order) order if it is due at or before `time`, and returns what to run for
    /// it: its action, [#CALLED_OFF] when it was called off, or null when no task is due by then. Its due time is
    /// left in `takenDue`.
    private Runnable take(long time) {
        int from = NONE;
        long d = 0;
        long o = 0;
        if (nowSize > 0) {
            from = RING;
            d = nowDue[nowHead];
            o = nowOrder[nowHead];
        }
        if (!queue.isEmpty()) {
            long qd = queue.peekDue();
            if (from == NONE || qd < d || qd == d && queue.peekOrder() < o) {
                from = HEAP;
                d = qd;
                o = queue.peekOrder();
            }
        }
        if (!deadlines.isEmpty()) {
            long ld = deadlines.peekDue();
            if (from == NONE || ld < d || ld == d && deadlines.peekOrder() < o) {
                from = LIST;
                d = ld;
            }
        }
        if (from == NONE || d > time) {
            return null;
        }
        takenDue = d;
        switch (from) {
            case HEAP -> {
                DueQueue.Entry e = queue.poll();
                return e instanceof Task t ? actionOf(t) : (SimulatedDeadlineSlot) e;
            }
            case LIST -> {
                return (SimulatedDeadlineSlot) deadlines.poll();
            }
            default -> {
                int h = nowHead;
                Runnable r = nowTasks[h];
                nowTasks[h] = null;
                nowHead = h + 1 & nowTasks.length - 1;
                nowSize--;
                return r instanceof Task t ? actionOf(t) : r;
            }
        }
    }

    /// A task's action, taken once: the task can no longer be called off.
    private static Runnable actionOf(Task t) {
        Runnable action = t.action;
        if (action == null) {
            return CALLED_OFF;
        }
        t.action = null;
        return action;
    }

    /// A slot whose deadlines cost no object and, mostly, no heap operation: see the Overview. Like every task
    /// here, it fires in (due, order) order, its order taken as it is armed.
    @Override
    public DeadlineSlot deadlineSlot() {
        return new SimulatedDeadlineSlot();
    }

    @Override
    public Executor workers() {
        return workers;
    }

    /// No wait: the whole `nanos` is charged, and passes in simulated time once the callback returns.
    @Override
    public long sleep(long nanos) {
        return Math.max(0, nanos);
    }

    /// No wait: the whole `nanos` is charged (and the invocation keeps its worker for that long even when it
    /// times out or is cancelled first).
    @Override
    public long sleepIgnoringInterrupt(long nanos) {
        return Math.max(0, nanos);
    }

    /// No spinning: the whole `nanos` is charged.
    @Override
    public long busyWork(long nanos) {
        return Math.max(0, nanos);
    }

    /// Time spent for real has not passed here: all of it is charged.
    @Override
    public long charge(long nanos) {
        return Math.max(0, nanos);
    }

    /// At once: simulated time does not move while a task runs, so nothing due at this instant can slip in
    /// before `task`.
    @Override
    public void afterCurrentTick(Runnable task) {
        task.run();
    }

    /// Runs tasks until `future` is done, `timeoutNanos` of simulated time have passed or nothing is left to run;
    /// never blocks. Call it from the simulation thread.
    @Override
    public boolean await(Future<?> future, long timeoutNanos) {
        long deadline = timeoutNanos == Long.MAX_VALUE || now + timeoutNanos < now ? Long.MAX_VALUE
                : now + Math.max(0, timeoutNanos);
        stopRequested = false;
        while (!future.isDone() && !stopRequested && hasTaskDueBy(deadline)) {
            runOne();
        }
        return future.isDone();
    }

    /// Paces the simulation: simulated time advances `speed` times as fast as wall time (1.0 = real time,
    /// 0.1 = ten times slower). Zero or less runs unpaced, as fast as possible.
    public void setSpeed(double speed) {
        wallPerSimNano = speed > 0 ? 1.0 / speed : 0;
    }

    /// Asks a running `run*` loop to return after the current task. Thread-safe.
    public void requestStop() {
        stopRequested = true;
    }

    /// Runs tasks until none is left (or `requestStop`). Returns the number of tasks run.
    public long runUntilIdle() {
        return runUntil(Long.MAX_VALUE);
    }

    /// Runs every task due at or before `time`, then sets the clock to `time` (if it is finite).
    public long runUntil(long time) {
        stopRequested = false;
        long ran = 0;
        long wallStart = System.nanoTime();
        long simStart = now;
        while (!stopRequested) {
            Runnable action = take(time);
            if (action == null) {
                break;
            }
            if (action == CALLED_OFF) {
                continue;
            }
            pace(wallStart, simStart, takenDue);
            now = takenDue;
            action.run();
            ran++;
        }
        if (time != Long.MAX_VALUE && !stopRequested && time > now) {
            now = time;
        }
        executed += ran;
        return ran;
    }

    private void pace(long wallStart, long simStart, long due) {
        double factor = wallPerSimNano;
        if (factor <= 0) {
            return;
        }
        long wallDue = wallStart + (long) ((due - simStart) * factor);
        long wait;
        while (!stopRequested && (wait = wallDue - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 20_000_000L));
        }
    }

    /// Runs tasks until `future` is done or no task is left.
    public void runUntilDone(java.util.concurrent.Future<?> future) {
        runWhile(() -> !future.isDone());
    }

    /// Runs tasks one by one while `condition` holds and tasks are left.
    public void runWhile(java.util.function.BooleanSupplier condition) {
        stopRequested = false;
        while (!stopRequested && hasTasks() && condition.getAsBoolean()) {
            runOne();
        }
    }

    private boolean hasTasks() {
        return !queue.isEmpty() || nowSize > 0 || !deadlines.isEmpty();
    }

    private void runOne() {
        Runnable action = take(Long.MAX_VALUE);
        if (action == null || action == CALLED_OFF) {
            return;
        }
        now = takenDue;
        action.run();
        executed++;
    }

    /// Advances the clock by `nanos`, running everything due on the way.
    public long advance(long nanos) {
        return runUntil(now + nanos);
    }

    /// Tasks still waiting (including cancelled ones not yet dropped), deadlines armed in slots included.
    public int pendingTasks() {
        return queue.size() + nowSize + deadlines.size();
    }

    /// Tasks run so far.
    public long executedTasks() {
        return executed;
    }
}
