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

    /* Overview: timers due later wait in a `DueQueue`, a binary heap on (due, order); tasks due now (every start
     * of a callback is one) wait in a FIFO deque, which serves them without the heap's log n. `order` is one
     * counter across both, and the next task is whichever head comes first in (due, order): two tasks due at
     * the same nanosecond always run in the order they were scheduled, which is what makes runs deterministic.
     * A timer called off leaves the heap at once (a timeout cancelled when its callback ends, the common case,
     * would otherwise deepen every sift until its due time); one due now is dropped when it reaches the head.
     * Everything here belongs to the simulation thread, `cancel` included; only `requestStop` and `setSpeed`
     * may come from another thread. */

    private final DueQueue queue = new DueQueue();
    /// Tasks scheduled with no delay: due now, in order.
    private final java.util.ArrayDeque<Task> now0 = new java.util.ArrayDeque<>();
    private final Executor workers = task -> schedule(task, 0);
    private long now;
    private long order;
    private long executed;
    /// Wall nanoseconds per simulated nanosecond when paced; 0 when running as fast as possible.
    private volatile double wallPerSimNano;
    private volatile boolean stopRequested;

    private final class Task extends DueQueue.Entry implements Cancellable {
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
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        long seq = order++;
        if (delayNanos <= 0) {
            var t = new Task(now, seq, task);
            now0.addLast(t);
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

    /// The next task in (due, order) order, without removing it.
    private Task peekNext() {
        Task a = now0.peekFirst();
        if (queue.isEmpty()) {
            return a;
        }
        if (a != null && (a.due < queue.peekDue() || a.due == queue.peekDue() && a.seq < queue.peekOrder())) {
            return a;
        }
        return (Task) queue.peek();
    }

    private Task pollNext() {
        return takeNextDueBy(Long.MAX_VALUE);
    }

    /// Removes and returns the next task in (due, order) order if it is due at or before `time`; null otherwise.
    private Task takeNextDueBy(long time) {
        Task a = now0.peekFirst();
        if (!queue.isEmpty()) {
            long d = queue.peekDue();
            if (a == null || d < a.due || d == a.due && queue.peekOrder() < a.seq) {
                return d > time ? null : (Task) queue.poll();
            }
        }
        if (a == null || a.due > time) {
            return null;
        }
        return now0.pollFirst();
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
        while (!future.isDone() && !stopRequested) {
            Task next = peekNext();
            if (next == null || next.due > deadline) {
                break;
            }
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
            Task t = takeNextDueBy(time);
            if (t == null) {
                break;
            }
            Runnable action = t.action;
            if (action == null) {
                continue;
            }
            t.action = null;
            pace(wallStart, simStart, t.due);
            now = t.due;
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
        return !queue.isEmpty() || !now0.isEmpty();
    }

    private void runOne() {
        Task t = pollNext();
        Runnable action = t.action;
        if (action == null) {
            return;
        }
        t.action = null;
        now = t.due;
        action.run();
        executed++;
    }

    /// Advances the clock by `nanos`, running everything due on the way.
    public long advance(long nanos) {
        return runUntil(now + nanos);
    }

    /// Tasks still waiting (including cancelled ones not yet dropped).
    public int pendingTasks() {
        return queue.size() + now0.size();
    }

    /// Tasks run so far.
    public long executedTasks() {
        return executed;
    }
}
