package dev.asynclab.engine.internal;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.Status;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.Cancellable;
import dev.asynclab.engine.spi.Scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/// One invocation of one callback: a small state machine whose every transition is one CAS.
///
/// ```
/// NEW ─► QUEUED ─► STARTING ─► RUNNING ─► SUCCEEDED | FAILED | TIMED_OUT | CANCELLED
///  │        │                                  (then perhaps LATE_FINISH, an event, not a state)
///  └────────┴─► REJECTED | CANCELLED
/// ```
///
/// Thread safety: `run` is called once, by the worker. `cancel` and the timeout may come from any thread at any
/// time; whoever wins the CAS out of RUNNING emits the one terminal event and completes the future.
public final class Invocation {

    /* Overview. Three parties race to end a running invocation: the callback returning (finish), the timeout
     * timer (onTimeout) and a canceller (cancel). Each tries one CAS out of RUNNING; exactly one wins and emits
     * the terminal event. A loser that is the callback itself records LATE_FINISH when it returned without
     * honouring the interrupt. Event order is part of the contract, so:
     * - STARTED must precede any terminal event: the worker moves QUEUED -> STARTING, emits STARTED, then sets
     *   RUNNING; a canceller that sees STARTING spins until RUNNING (a few instructions).
     * - LATE_FINISH must follow the terminal event: the winner sets terminalEmitted after emitting; a late
     *   finisher spins until it is set.
     * Interrupts must never leak into the next callback a worker runs: the interrupter takes the runner thread
     * with getAndSet and marks interruptDelivered after interrupting; a finishing worker that finds the runner
     * already taken waits for that mark, then clears its interrupt flag. */

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

    static {
        try {
            var lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Invocation.class, "state", int.class);
            RUNNER = lookup.findVarHandle(Invocation.class, "runner", Thread.class);
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
    final Scheduler scheduler;
    final Emitter emitter;
    final long seed;
    private final InvocationOwner owner;
    private final InvocationFuture future;
    private InvocationContext ctx; // made when the callback starts: never for a rejected or cancelled-early one

    private volatile int state;
    private volatile Thread runner;
    private volatile boolean interruptDelivered;
    private volatile boolean terminalEmitted;
    private volatile Cancellable timeoutTask;
    private volatile Cancellable pendingCompletion;
    private volatile CompletableFuture<?> asyncStage;
    private volatile String lane;
    private int slot = -1;
    private final long submittedAt;
    private volatile long startedAt;
    private volatile long endedAt;

    public Invocation(long id, int attempt, long group, String name, AsyncCallback callback, Duration timeout,
                      Scheduler scheduler, Emitter emitter, long seed, InvocationOwner owner) {
        this.id = id;
        this.attempt = attempt;
        this.group = group;
        this.name = name;
        this.callback = callback;
        this.timeoutNanos = timeout == null ? 0 : Math.max(0, timeout.toNanos());
        this.scheduler = scheduler;
        this.emitter = emitter;
        this.seed = seed;
        this.owner = owner;
        this.future = new InvocationFuture(this::cancel, this::expire);
        this.submittedAt = scheduler.nanoTime();
        emitter.emit(EventType.SUBMITTED, id, attempt, group, name, null, -1, null, null, null, -1);
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

    public InvocationFuture future() {
        return future;
    }

    public boolean isDone() {
        return state >= SUCCEEDED;
    }

    boolean isStopped() {
        int s = state;
        return s == TIMED_OUT || s == CANCELLED;
    }

    /// Marks it waiting in a queue of `depth` (including itself). Call under the owner's admission lock, so
    /// QUEUED is emitted before anyone can start it.
    public boolean enqueue(int depth) {
        if (!STATE.compareAndSet(this, NEW, QUEUED)) {
            return false;
        }
        emitter.emit(EventType.QUEUED, id, attempt, group, name, null, -1, null, null, null, depth);
        return true;
    }

    /// Ends it as REJECTED (the queue was full). Not under a lock: the caller's continuations run here.
    public void reject(int depth, String why) {
        reject(depth, why, null);
    }

    /// Ends it as REJECTED by a resilience policy, named in the event's value (null: the pool's queue).
    public void reject(int depth, String why, String policy) {
        if (STATE.compareAndSet(this, NEW, REJECTED)) {
            endedAt = scheduler.nanoTime();
            emitter.emit(EventType.REJECTED, id, attempt, group, name, null, -1, "RejectedExecutionException", why,
                    policy, depth);
            terminalEmitted = true;
            complete(Status.REJECTED, null, "RejectedExecutionException", why, 0);
            owner.ended(this, true);
        }
    }

    /// Runs the callback on the calling (worker) thread, on lane `lane`.
    ///
    /// @return true when the worker is free again now; false when the work goes on (an asynchronous stage, or
    /// simulated time still to pass) and the owner will hear `workerDoneLater` instead.
    public boolean run(String lane) {
        if (!STATE.compareAndSet(this, NEW, STARTING) && !STATE.compareAndSet(this, QUEUED, STARTING)) {
            return true; // cancelled while waiting: nothing runs
        }
        this.lane = lane;
        ctx = new InvocationContext(this);
        startedAt = scheduler.nanoTime();
        emitter.emit(EventType.STARTED, id, attempt, group, name, lane, startedAt - submittedAt, null, null, null, -1);
        Thread me = Thread.currentThread();
        runner = me;
        state = RUNNING;
        // Armed only once RUNNING: a timer that fired earlier would find no state to leave and be lost.
        if (timeoutNanos > 0) {
            timeoutTask = scheduler.schedule(this::onTimeout, timeoutNanos - (scheduler.nanoTime() - startedAt));
        }

        Object value = null;
        Throwable error = null;
        try {
            value = callback.call(ctx);
        } catch (Throwable t) { // the exception boundary: Errors too, nothing reaches the worker
            error = Errors.unwrap(t);
        } finally {
            detachRunner(me);
        }

        if (error == null && value instanceof CompletionStage<?> stage) {
            CompletableFuture<?> cf = stage.toCompletableFuture();
            asyncStage = cf;
            if (isStopped()) {
                cf.cancel(true); // timed out or cancelled while the callback was still returning its stage
            }
            cf.whenComplete((v, ex) -> {
                finish(v, ex == null ? null : Errors.unwrap(ex));
                owner.workerDoneLater(this);
            });
            return false;
        }
        long charged = ctx.charged();
        if (charged > 0 && scheduler.isSimulated()) {
            Object v = value;
            Throwable e = error;
            pendingCompletion = scheduler.schedule(() -> {
                pendingCompletion = null;
                finish(v, e);
                owner.workerDoneLater(this);
            }, charged);
            return false;
        }
        finish(value, error);
        return true;
    }

    private void detachRunner(Thread me) {
        if (!RUNNER.compareAndSet(this, me, null)) {
            while (!interruptDelivered) {
                Thread.onSpinWait(); // an interrupter holds our thread: let its interrupt land before clearing
            }
        }
        if (me.isInterrupted()) {
            Thread.interrupted(); // clearing takes a lock on a virtual thread: only when there is something to clear
        }
    }

    /// The callback's own outcome arrived.
    private void finish(Object value, Throwable error) {
        int target = error == null ? SUCCEEDED : FAILED;
        if (STATE.compareAndSet(this, RUNNING, target)) {
            // Guard against a race with the timer: it may fire now, but its CAS out of RUNNING fails.
            cancelTimeout();
            long now = scheduler.nanoTime();
            endedAt = now;
            long exec = now - startedAt;
            if (error == null) {
                if (emitter.enabled()) {
                    emitter.emit(EventType.SUCCEEDED, id, attempt, group, name, lane, exec, null, null,
                            Errors.shortText(value), -1);
                }
                terminalEmitted = true;
                complete(Status.SUCCEEDED, value, null, null, exec);
            } else {
                String type = Errors.type(error);
                String message = Errors.message(error);
                emitter.emit(EventType.FAILED, id, attempt, group, name, lane, exec, type, message, null, -1);
                terminalEmitted = true;
                complete(Status.FAILED, null, type, message, exec);
            }
            owner.ended(this, false);
            return;
        }
        // Lost to a timeout or cancel. Work that stopped on the interrupt is no late finish.
        boolean honouredInterrupt = error != null && Errors.isInterruption(error);
        if (!honouredInterrupt && isStopped()) {
            while (!terminalEmitted) {
                Thread.onSpinWait();
            }
            long now = scheduler.nanoTime();
            emitter.emit(EventType.LATE_FINISH, id, attempt, group, name, lane, now - endedAt,
                    error == null ? null : Errors.type(error), error == null ? null : Errors.message(error),
                    error == null ? Errors.shortText(value) : null, -1);
        }
    }

    private void onTimeout() {
        if (STATE.compareAndSet(this, RUNNING, TIMED_OUT)) {
            long now = scheduler.nanoTime();
            endedAt = now;
            long exec = now - startedAt;
            String message = "timed out after " + Duration.ofNanos(timeoutNanos).toMillis() + " ms";
            emitter.emit(EventType.TIMED_OUT, id, attempt, group, name, lane, exec, "TimeoutException", message,
                    null, -1);
            terminalEmitted = true;
            complete(Status.TIMED_OUT, null, "TimeoutException", message, exec);
            owner.ended(this, false);
            if (scheduler.isSimulated()) {
                stopWork(); // in order, now: simulated time must not let the work's own end slip in first
            } else {
                // With many timeouts due together, every caller hears TIMED_OUT first; the interrupting of the
                // timed-out threads, which wakes them all up to compete for the CPUs, comes after.
                TimerWheel.afterTick(this::stopWork);
            }
        }
    }

    /// Cancels it: before it starts, the callback never runs; while it runs, the worker is interrupted.
    /// Idempotent and thread-safe; true when this call cancelled it.
    public boolean cancel() {
        while (true) {
            int s = state;
            if (s == NEW || s == QUEUED) {
                if (STATE.compareAndSet(this, s, CANCELLED)) {
                    endedAt = scheduler.nanoTime();
                    emitter.emit(EventType.CANCELLED, id, attempt, group, name, null, 0, "CancellationException",
                            "cancelled before it started", null, -1);
                    terminalEmitted = true;
                    complete(Status.CANCELLED, null, "CancellationException", "cancelled before it started", 0);
                    owner.ended(this, true);
                    return true;
                }
            } else if (s == STARTING) {
                Thread.onSpinWait(); // STARTED is being emitted; CANCELLED must come after it
            } else if (s == RUNNING) {
                if (STATE.compareAndSet(this, RUNNING, CANCELLED)) {
                    cancelTimeout();
                    long now = scheduler.nanoTime();
                    endedAt = now;
                    long exec = now - startedAt;
                    emitter.emit(EventType.CANCELLED, id, attempt, group, name, lane, exec, "CancellationException",
                            "cancelled while running", null, -1);
                    terminalEmitted = true;
                    complete(Status.CANCELLED, null, "CancellationException", "cancelled while running", exec);
                    owner.ended(this, false);
                    stopWork();
                    return true;
                }
            } else {
                return false;
            }
        }
    }

    /// Ends it as TIMED_OUT now if it is still running (an overall deadline of a group passed).
    public void expire() {
        onTimeout();
    }

    /// After TIMED_OUT or CANCELLED: stop whatever still runs, in every form it can take.
    private void stopWork() {
        InvocationContext c = ctx;
        if (c == null) {
            return;
        }
        c.fireCancelHooks();
        Thread t = (Thread) RUNNER.getAndSet(this, null);
        if (t != null) {
            t.interrupt();
            interruptDelivered = true;
        }
        CompletableFuture<?> stage = asyncStage;
        if (stage != null) {
            stage.cancel(true);
        }
        Cancellable pending = pendingCompletion;
        if (pending != null && !c.ignoresInterrupt() && pending.cancel()) {
            pendingCompletion = null;
            owner.workerDoneLater(this); // simulated work that honours interrupts ends here
        }
    }

    private void cancelTimeout() {
        Cancellable t = timeoutTask;
        if (t != null) {
            t.cancel();
        }
    }

    private void complete(Status status, Object value, String errorType, String message, long execNanos) {
        future.complete(new AsyncCallbackResult(status, value, errorType, message, Duration.ofNanos(execNanos),
                attempt, id));
    }
}
