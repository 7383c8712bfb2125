package dev.asynclab.engine;

import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.internal.WorkFuture;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.Scheduler;
import dev.asynclab.engine.spi.Scheduler.Cancellable;
import dev.asynclab.engine.spi.Scheduler.DeadlineSlot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/// One invocation of one callback: a small state machine whose every transition is one CAS.
///
/// ```
/// NEW ─► QUEUED ─► STARTING ─► RUNNING ─► SUCCEEDED | FAILED | TIMED_OUT | CANCELLED
///  │        │                                  (then perhaps LATE_FINISH, an event, not a state)
///  └────────┴─► REJECTED | CANCELLED
/// ```
///
/// Thread safety: `run` is called once, by the worker. `cancel` and the timeout may come from any thread at any
/// time; whoever wins the CAS into a terminal state emits the one terminal event and completes the future.
///
/// It is its own link in a pool's queue (`CallQueue.Node`): no queue node is made per waiting call.
/// It is also the context its callback sees (`InvocationContext`, its superclass): one object per call, not two.
final class Invocation extends InvocationContext
        implements WorkFuture.Cancel, InvocationFuture.Expire, Scheduler.Deadline {

    /* Overview. Three parties race to end a running invocation: the callback's outcome (finish), the timeout
     * timer or a group's deadline (onTimeout) and a canceller (cancel); before it runs, a canceller and a full
     * queue (reject). Every one of them goes through `end`, the one terminal transition: one CAS into a terminal
     * state, then, whatever happens while reporting it, the timeout timer is cancelled, the terminal event
     * emitted, the caller's future completed and the owner told. The error text is made by `Errors.describe`
     * before the CAS, and that cannot throw, so no Throwable however hostile can leave a caller waiting or a
     * pool slot taken. A loser that is the callback itself records LATE_FINISH when it returned without
     * honouring the interrupt: on a worker thread, only when the stop took that thread (detachRunner's CAS lost),
     * for work that returned before its stop reached it ignored nothing. Event order is part of the contract, so:
     * - STARTED must precede any terminal event: the worker moves QUEUED -> STARTING, emits STARTED, then sets
     *   RUNNING; a canceller that sees STARTING spins until RUNNING (a few instructions).
     * - LATE_FINISH must follow the terminal event: the winner sets terminalEmitted after emitting; a late
     *   finisher spins until it is set.
     * Interrupts must never leak into the next callback a worker runs: the interrupter takes the runner thread
     * with getAndSet and marks interruptDelivered after interrupting; a finishing worker that finds the runner
     * already taken waits for that mark, then clears its interrupt flag. A callback that returned a plain outcome
     * first tries `end` and takes its thread back only when it lost: a stop runs only for the winner of a timeout
     * or cancel, so a worker that won has nobody to race for its thread (one atomic instruction fewer per call);
     * one that lost takes it back with the CAS as before, so "the stop reached it" (LATE_FINISH) is decided at that
     * CAS, a few instructions after the callback returned.
     * The timeout's deadline slot is armed by the worker (a volatile write in the slot) before it reads the state
     * again; whoever ends a call that was RUNNING disarms that slot after its CAS on the state: so either the worker
     * sees the call ended and disarms it itself, or the ender finds the deadline armed (disarming only this call's
     * deadline: the slot's worker may have moved on).
     * The worker slot of work that goes on after `run` returns (an asynchronous stage, simulated time still to
     * pass) is handed back exactly once, by whichever of "the work ended" and "the work was stopped" comes
     * first: a CAS on workerReleased. A stage is hostile input (it may throw, complete twice or never): it is
     * heard once (a CAS on stageSettled), and a timed-out or cancelled one is no longer waited for. */

    static final int NEW = 0;
    static final int QUEUED = 1;
    static final int STARTING = 2;
    static final int RUNNING = 3;
    static final int SUCCEEDED = 4;
    static final int FAILED = 5;
    static final int TIMED_OUT = 6;
    static final int CANCELLED = 7;
    static final int REJECTED = 8;

    private static final VarHandle STATE;
    private static final VarHandle RUNNER;
    private static final VarHandle WORKER_RELEASED;
    private static final VarHandle STAGE_SETTLED;
    private static final VarHandle TERMINAL_EMITTED;

    static {
        try {
            var lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Invocation.class, "state", int.class);
            RUNNER = lookup.findVarHandle(Invocation.class, "runner", Thread.class);
            WORKER_RELEASED = lookup.findVarHandle(Invocation.class, "workerReleased", boolean.class);
            STAGE_SETTLED = lookup.findVarHandle(Invocation.class, "stageSettled", boolean.class);
            TERMINAL_EMITTED = lookup.findVarHandle(Invocation.class, "terminalEmitted", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long id;
    final int attempt;
    final long group;
    final String name;
    final AsyncCallback callback;
    final long timeoutNanos;
    /// What its own timer's TIMED_OUT says, when someone else set that limit (a retry deadline); null: its own.
    private final String timeoutReason;
    final Scheduler scheduler;
    final Emitter emitter;
    final long seed;
    private final InvocationOwner owner;
    private final InvocationFuture future;

    private volatile int state;
    private volatile Thread runner;
    private volatile boolean interruptDelivered;
    private volatile boolean terminalEmitted;
    private volatile boolean workerReleased;
    private volatile boolean stageSettled;
    private volatile Cancellable timeoutTask;
    /// Where its owner keeps the deadline of the call its worker runs (null: a timer of its own, `timeoutTask`).
    /// Set before it runs, so whoever ends it from RUNNING reads it after the release write of RUNNING.
    private DeadlineSlot deadlineSlot;
    private long deadline;
    private volatile Cancellable pendingCompletion;
    private volatile CompletionStage<?> asyncStage;
    // Plain fields, each published by a volatile or release write that follows it on the thread that wrote it,
    // and read only by a thread that first read that write: `lane`, `startedAt` and `deadlineSlot` are written
    // before the release write of RUNNING, and cancel, the timeout and finish read them only once they have seen RUNNING (or a state
    // after it); `endedAt` is written by the winner of `end` before its release write of `terminalEmitted`, and the
    // late finisher reads it only after it has seen `terminalEmitted`. (Volatile writes were a full fence each, three
    // per call.)
    private String lane;
    private int slot = -1;
    private final long submittedAt;
    private long startedAt;
    private long endedAt;

    /// An invocation, submitted now. `timeoutReason` names who set `timeout` when it is not the callback's own
    /// (null when it is).
    public Invocation(long id, int attempt, long group, String name, AsyncCallback callback, Duration timeout,
                      String timeoutReason, Scheduler scheduler, Emitter emitter, long seed, InvocationOwner owner) {
        this.id = id;
        this.attempt = attempt;
        this.group = group;
        this.name = name;
        this.callback = callback;
        this.timeoutNanos = timeout == null ? 0 : Math.max(0, timeout.toNanos());
        this.timeoutReason = timeoutReason;
        this.scheduler = scheduler;
        this.emitter = emitter;
        this.seed = seed;
        this.owner = owner;
        this.future = new InvocationFuture(this, this); // itself, not two method references: two objects fewer per call
        // Only events read it (SUBMITTED, QUEUED and STARTED's wait): with no bus, no clock read (31 ns on the VM).
        if (emitter.enabled()) {
            this.submittedAt = scheduler.nanoTime();
            emitter.emitAt(submittedAt, EventType.SUBMITTED, id, attempt, group, name, null, -1, null, null, null,
                    -1);
        } else {
            this.submittedAt = 0;
        }
    }

    @Override
    Invocation invocation() {
        return this;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /// The worker slot its owner gave it (owner's bookkeeping; -1 when none).
    public int slot() {
        return slot;
    }

    public void slot(int slot) {
        this.slot = slot;
    }

    /// The worker slot its owner gave it and the deadline slot that goes with it: its timeout is armed there rather
    /// than as a timer of its own. Set before it runs.
    public void slot(int slot, DeadlineSlot deadlineSlot) {
        this.slot = slot;
        this.deadlineSlot = deadlineSlot;
    }

    public InvocationFuture future() {
        return future;
    }

    public boolean isDone() {
        return state >= SUCCEEDED;
    }

    @Override
    public boolean isCancelled() {
        return isStopped();
    }

    boolean isStopped() {
        int s = state;
        return s == TIMED_OUT || s == CANCELLED;
    }

    /// Marks it waiting in a queue of `depth` (including itself; any value when no events are emitted). Call under
    /// the owner's admission lock, before the call is offered to the queue or handed to its caller: nobody else
    /// can see it yet (not a canceller: its caller does not hold its future yet), so a plain write, published with
    /// the call by the queue's release write. QUEUED is then emitted before anyone can start it.
    public void enqueue(int depth) {
        STATE.set(this, QUEUED);
        // Stamped when it was submitted, a moment ago on this same thread: one clock read fewer per queued call.
        emitter.emitAt(submittedAt, EventType.QUEUED, id, attempt, group, name, null, -1, null, null, null, depth);
    }

    /// Ends it as REJECTED (the queue was full). Not under a lock: the caller's continuations run here.
    public void reject(int depth, String why) {
        reject(depth, why, null);
    }

    /// Ends it as REJECTED by a resilience policy, named in the event's value (null: the pool's queue).
    public void reject(int depth, String why, String policy) {
        end(scheduler.nanoTime(), NEW, REJECTED, policy, 0, null, "RejectedExecutionException", why, depth, true,
                false);
    }

    /// Runs the callback on the calling (worker) thread, on lane `lane`.
    ///
    /// @return true when the worker is free again now; false when the work goes on (an asynchronous stage, or
    /// simulated time still to pass) and the owner will hear `workerDoneLater` instead, exactly once.
    public boolean run(String lane) {
        // One CAS from the state it was seen in (a queued call tried NEW first, a CAS that always failed): it fails
        // only if a canceller or a group's deadline ended it meanwhile, and then nothing runs.
        int from = state;
        if ((from != NEW && from != QUEUED) || !STATE.compareAndSet(this, from, STARTING)) {
            return true; // cancelled while waiting: nothing runs
        }
        Thread me = Thread.currentThread();
        Throwable startFailure = null;
        try {
            this.lane = lane;
            startedAt = scheduler.nanoTime();
            emitter.emitAt(startedAt, EventType.STARTED, id, attempt, group, name, lane, startedAt - submittedAt, null,
                    null, null, -1);
        } catch (Throwable t) { // an OutOfMemoryError, say: the invocation still ends, as FAILED
            startFailure = t;
        } finally {
            if (startFailure == null) {
                // Before RUNNING: a canceller that sees RUNNING must find the thread to interrupt. A plain write: the
                // release write of RUNNING below publishes it to whoever reads RUNNING.
                RUNNER.set(this, me);
            }
            // Whatever happened above: a canceller spinning on STARTING must get through. Release, not volatile:
            // it only has to publish the writes before it (runner, lane, startedAt, deadlineSlot) to a thread that
            // reads RUNNING; nothing this thread does next has to wait for it to be seen (the timeout's arming below
            // orders itself against cancellers with the slot's own volatile write).
            STATE.setRelease(this, RUNNING);
        }
        if (startFailure != null) {
            finish(null, startFailure, true, true);
            return true;
        }
        // Armed only once RUNNING: a timer that fired earlier would find no state to leave and be lost.
        if (timeoutNanos > 0) {
            // At a time on the scheduler's clock, not after a delay: no second clock read to subtract the time since
            // the start (startedAt + timeoutNanos may wrap; schedulers compare times by their difference).
            deadline = startedAt + timeoutNanos; // before arming: the timer reads it through the slot
            DeadlineSlot ds = deadlineSlot;
            if (ds != null) {
                ds.arm(this); // a volatile write, then isDone (volatile): see the Overview
            } else {
                timeoutTask = scheduler.scheduleAt(() -> onTimeout(null), deadline);
            }
            if (isDone()) {
                cancelTimeout(); // ended (cancelled from another thread) while the timer was being armed
            }
        }

        Object value = null;
        Throwable error = null;
        try {
            value = callback.call(this);
        } catch (Throwable t) { // the exception boundary: Errors too, nothing reaches the worker
            error = t;
        }

        long charged = charged();
        if ((error == null && value instanceof CompletionStage<?>) || charged > 0) {
            detachRunner(me);
        } else {
            // A plain outcome: the end first, and the thread taken back only when a stop won (see the Overview).
            if (finish(value, error, false, true)) {
                if (me.isInterrupted()) {
                    Thread.interrupted(); // the callback interrupted itself: not into the next one
                }
                return true;
            }
            // Should it have lost to a timeout or cancel: a callback that returned before the stop took its thread
            // (a clock may hold the stops of timeouts due together, `Scheduler.afterCurrentTick`) ignored no
            // interrupt, so its outcome is only too late, not a LATE_FINISH.
            boolean stopReachedIt = detachRunner(me);
            lateFinish(value, error, stopReachedIt);
            return true;
        }

        if (error == null && value instanceof CompletionStage<?> stage) {
            awaitStage(stage);
            return false;
        }
        if (charged > 0) {
            // Time charged on a clock where it has not passed yet (simulated): the outcome lands once it has.
            Object v = value;
            Throwable e = error;
            pendingCompletion = scheduler.schedule(() -> {
                pendingCompletion = null;
                finish(v, e);
                releaseWorker();
            }, charged);
            if (isStopped()) {
                stopPendingCompletion(); // stopped from another thread while the completion was being scheduled
            }
            return false;
        }
        throw new AssertionError("unreachable");
    }

    /// Listens to a stage the callback returned, through `whenComplete` only: `toCompletableFuture` may throw,
    /// and the stage's own methods may throw, call back twice or never.
    private void awaitStage(CompletionStage<?> stage) {
        asyncStage = stage;
        try {
            stage.whenComplete(this::stageSettled);
        } catch (Throwable t) {
            stageSettled(null, t); // a stage that cannot be listened to has failed (unless it already settled)
        }
        if (isStopped()) {
            stopStage(); // timed out or cancelled while the callback was still returning its stage
        }
    }

    private void stageSettled(Object value, Throwable error) {
        // CAS: a stage that calls back twice, or calls back and then throws, is heard once.
        if (STAGE_SETTLED.compareAndSet(this, false, true)) {
            finish(value, error);
            releaseWorker();
        }
    }

    /// Hands the worker slot back to the owner, once, for work that went on after `run` returned.
    private void releaseWorker() {
        // CAS: the work ending and the work being stopped race to free the slot; only one may.
        if (WORKER_RELEASED.compareAndSet(this, false, true)) {
            owner.workerDoneLater(this);
        }
    }

    /// Takes the worker's thread back from the invocation; true when a stop (`stopWork`) took it first, so that
    /// the callback was interrupted while it ran.
    private boolean detachRunner(Thread me) {
        // CAS: the stop's getAndSet races for the same field; whichever comes first decides whether the thread is
        // interrupted at all.
        boolean stopped = !RUNNER.compareAndSet(this, me, null);
        if (stopped) {
            while (!interruptDelivered) {
                Thread.onSpinWait(); // an interrupter holds our thread: let its interrupt land before clearing
            }
        }
        if (me.isInterrupted()) {
            Thread.interrupted(); // clearing takes a lock on a virtual thread: only when there is something to clear
        }
        return stopped;
    }

    /// The callback's own outcome arrived (off its worker: a stage, or simulated time that has passed).
    private void finish(Object value, Throwable error) {
        finish(value, error, true, false);
    }

    /// The callback's own outcome arrived; true when it ended the call. `mayBeLate` false when the caller decides
    /// about LATE_FINISH itself (`lateFinish`); `onWorker` when this is the worker thread that ran it, returning.
    private boolean finish(Object value, Throwable error, boolean mayBeLate, boolean onWorker) {
        long now = scheduler.nanoTime();
        boolean won;
        if (error == null) {
            won = end(now, RUNNING, SUCCEEDED, value, now - startedAt, lane, null, null, -1, false, onWorker);
        } else {
            Errors.Described d = Errors.describe(error);
            won = end(now, RUNNING, FAILED, null, now - startedAt, lane, d.type(), d.message(), -1, false, onWorker);
        }
        if (!won && mayBeLate) {
            lateFinish(value, error, true);
        }
        return won;
    }

    /// After the callback's outcome lost to a timeout or cancel: LATE_FINISH, unless the stop had not reached it
    /// (`stopReachedIt` false: it ignored nothing) or it stopped on the interrupt.
    private void lateFinish(Object value, Throwable error, boolean stopReachedIt) {
        boolean honouredInterrupt = error != null && Errors.isInterruption(Errors.unwrap(error));
        if (stopReachedIt && !honouredInterrupt && isStopped()) {
            while (!terminalEmitted) {
                Thread.onSpinWait();
            }
            Errors.Described d = error == null ? null : Errors.describe(error);
            long lateNow = scheduler.nanoTime();
            emitter.emitAt(lateNow, EventType.LATE_FINISH, id, attempt, group, name, lane, lateNow - endedAt,
                    d == null ? null : d.type(), d == null ? null : d.message(),
                    error == null ? Errors.shortText(value) : null, -1);
        }
    }

    /// Its own timer fired (`reason` null), or a group's deadline passed (`reason` names it). A group's deadline
    /// also ends an invocation that has not started yet (waiting in a pool's queue): its group stops waiting.
    private void onTimeout(String reason) {
        String message = reason != null ? reason
                : timeoutReason != null ? timeoutReason
                : "timed out after " + Duration.ofNanos(timeoutNanos).toMillis() + " ms";
        if (reason != null) {
            int s;
            while ((s = state) == NEW || s == QUEUED) {
                if (end(scheduler.nanoTime(), s, TIMED_OUT, null, 0, null, "TimeoutException", message, -1, true,
                        false)) {
                    return;
                }
            }
            while (state == STARTING) {
                Thread.onSpinWait(); // STARTED is being emitted; TIMED_OUT must come after it
            }
        }
        long now = scheduler.nanoTime();
        if (end(now, RUNNING, TIMED_OUT, null, now - startedAt, lane, "TimeoutException", message, -1, false,
                false)) {
            // With many timeouts due together, every caller hears TIMED_OUT first; stopping the timed-out work
            // (interrupting threads, which wakes them all up to compete for the CPUs) comes after.
            scheduler.afterCurrentTick(this::stopWork);
        }
    }

    /// Cancels it: before it starts, the callback never runs; while it runs, the worker is interrupted.
    /// Idempotent and thread-safe; true when this call cancelled it.
    @Override
    public boolean cancel() {
        while (true) {
            int s = state;
            if (s == NEW || s == QUEUED) {
                if (end(scheduler.nanoTime(), s, CANCELLED, null, 0, null, "CancellationException",
                        "cancelled before it started", -1, true, false)) {
                    return true;
                }
            } else if (s == STARTING) {
                Thread.onSpinWait(); // STARTED is being emitted; CANCELLED must come after it
            } else if (s == RUNNING) {
                long now = scheduler.nanoTime();
                if (end(now, RUNNING, CANCELLED, null, now - startedAt, lane, "CancellationException",
                        "cancelled while running", -1, false, false)) {
                    stopWork();
                    return true;
                }
            } else {
                return false;
            }
        }
    }

    /// Ends it as TIMED_OUT now if it has not ended: a group's overall deadline passed. Still waiting, it never
    /// runs; running, its work is stopped as for its own timeout. `reason` names that limit and who set it, and
    /// becomes the message.
    @Override
    public void expire(String reason) {
        onTimeout(reason);
    }

    /// The one terminal transition. One CAS from `from` into `to`; the winner, whatever fails while it reports
    /// (nothing should: every text is made beforehand), cancels the timeout timer, emits the terminal event,
    /// completes the caller's future and tells the owner (`onWorker`: from the worker thread that ran it, as it
    /// returned). True when this call won.
    private boolean end(long now, int from, int to, Object value, long execNanos, String worker, String errorType,
                        String message, int queueDepth, boolean neverStarted, boolean onWorker) {
        if (!STATE.compareAndSet(this, from, to)) {
            return false;
        }
        Status status = statusOf(to);
        try {
            if (from == RUNNING) {
                cancelTimeout(); // armed only once RUNNING
            }
            endedAt = now; // read once by the caller, which needs it for the duration too (a clock read took 80-120 ns on the 2-core VM)
            if (emitter.enabled()) {
                long duration = to == REJECTED ? -1 : execNanos; // a rejected one never had a time to count
                if (to == SUCCEEDED) {
                    emitter.emitResultAt(now, EventType.SUCCEEDED, id, attempt, group, name, worker, duration, value);
                } else {
                    // A rejection's "value" is the refusing policy's name (null for a full queue), for the event only.
                    emitter.emitAt(now, eventTypeOf(status), id, attempt, group, name, worker, duration, errorType,
                            message, to == REJECTED ? (String) value : null, queueDepth);
                }
            }
        } finally {
            // Release: it publishes endedAt and the terminal event to the late finisher spinning on it; nothing
            // after it here has to wait for it to be seen.
            TERMINAL_EMITTED.setRelease(this, true);
            try {
                future.complete(new AsyncCallbackResult(status, to == REJECTED ? null : value, errorType, message,
                        Duration.ofNanos(Math.max(0, execNanos)), attempt, id));
            } finally {
                owner.ended(this, neverStarted, onWorker);
            }
        }
        return true;
    }

    private static EventType eventTypeOf(Status status) {
        return switch (status) {
            case SUCCEEDED -> EventType.SUCCEEDED;
            case FAILED -> EventType.FAILED;
            case TIMED_OUT -> EventType.TIMED_OUT;
            case CANCELLED -> EventType.CANCELLED;
            case REJECTED -> EventType.REJECTED;
        };
    }

    private static Status statusOf(int state) {
        return switch (state) {
            case SUCCEEDED -> Status.SUCCEEDED;
            case FAILED -> Status.FAILED;
            case TIMED_OUT -> Status.TIMED_OUT;
            case CANCELLED -> Status.CANCELLED;
            case REJECTED -> Status.REJECTED;
            default -> throw new IllegalStateException("not a terminal state: " + state);
        };
    }

    /// After TIMED_OUT or CANCELLED: stop whatever still runs, in every form it can take.
    private void stopWork() {
        fireCancelHooks();
        Thread t = (Thread) RUNNER.getAndSet(this, null);
        if (t != null) {
            t.interrupt();
            interruptDelivered = true;
        }
        stopStage();
        stopPendingCompletion();
    }

    /// Stops waiting for an asynchronous stage: cancels it if it is a `Future` (as a `CompletableFuture` is) and
    /// frees the worker slot now. A stage holds no thread, and one that never completes must not hold its slot
    /// for good; if it completes after all, that is a LATE_FINISH.
    private void stopStage() {
        CompletionStage<?> stage = asyncStage;
        if (stage == null) {
            return;
        }
        if (stage instanceof Future<?> f) {
            try {
                f.cancel(true);
            } catch (Throwable ignored) {
                // a hostile stage's cancel: it is no longer waited for either way
            }
        }
        releaseWorker();
    }

    /// Calls off simulated work still to pass, unless the callback ignores interrupts (then it keeps its worker
    /// until that time has passed, as it would for real).
    private void stopPendingCompletion() {
        Cancellable pending = pendingCompletion;
        if (pending != null && !ignoresInterrupt() && pending.cancel()) {
            pendingCompletion = null;
            releaseWorker(); // simulated work that honours interrupts ends here
        }
    }

    private void cancelTimeout() {
        Cancellable t = timeoutTask;
        if (t != null) {
            t.cancel();
        }
        DeadlineSlot ds = deadlineSlot;
        if (ds != null && timeoutNanos > 0) {
            ds.disarm(this); // only if it still holds this call's deadline: the worker may have moved on
        }
    }

    /// When its own timeout is due, on the scheduler's clock (read by the timer through its deadline slot).
    @Override
    public long deadlineNanos() {
        return deadline;
    }

    /// Its own timeout's deadline passed (the timer, through its deadline slot). A call that has ended meanwhile
    /// stays as it ended: `onTimeout` moves only a RUNNING call.
    @Override
    public void onDeadline() {
        onTimeout(null);
    }
}
