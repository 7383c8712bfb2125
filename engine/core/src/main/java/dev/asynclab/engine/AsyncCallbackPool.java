package dev.asynclab.engine;

import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.internal.CallQueue;
import dev.asynclab.engine.internal.HandOff;
import dev.asynclab.engine.internal.LaneAllocator;
import dev.asynclab.engine.internal.atomic.PaddedCounter;
import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/// A bounded pool: at most `maxConcurrent` callbacks run at once; the rest wait in a FIFO queue of bounded
/// capacity (unbounded when negative); past it, `REJECTED`.
///
/// Each running callback holds a worker slot, shown as a lane ("w0", "w1", ...). A slot is held until the
/// callback really lets go of its worker: a callback that ignores its interrupt keeps its slot after its
/// timeout, which is exactly how such callbacks starve a real pool. An asynchronous callback (one that returns a
/// `CompletionStage`) holds its slot until its stage completes, or until it times out or is cancelled: a stage
/// holds no thread, and one that never completes must not take its slot for good. A worker that frees its slot
/// takes the next queued invocation itself, with no hand-off to another thread.
///
/// ```java
/// try (var pool = AsyncCallbackPool.builder().size(4).queueCapacity(100).build()) {
///     for (int i = 0; i < 200; i++) {
///         pool.submit(ctx -> { ctx.sleep(Duration.ofMillis(50)); return "ok"; }, "fetch", Duration.ofSeconds(1));
///     }
///     pool.awaitAll(Duration.ofSeconds(10));
///     System.out.println(pool.completedCount());   // 200
/// }
/// ```
public final class AsyncCallbackPool implements AutoCloseable {

    /* Overview: admission (whether a call starts, waits or is refused), taking and freeing a worker slot, and
     * resizing are decided under one lock, held only for a few field updates and the QUEUED event. Callbacks never
     * run under the lock. The queue's polls are lock-free, so that a worker that finishes a call takes the next one
     * without the lock while calls are waiting: in a JFR profile of a batch of 100,000 calls into a pool of 2, 61
     * of the submitting thread's 198 samples were in the lock's unlock waking a worker parked on it. Its offers are
     * made under the lock only, so the queue (`CallQueue`) links a call with one release write and makes no node.
     * - QUEUED precedes STARTED: the submitter emits QUEUED before it offers the call to the queue, so no worker
     *   can take it (and emit STARTED) first.
     * - No call is left waiting with no worker: a worker frees its slot only under the lock, after polling the
     *   queue once more there; a submitter queues a call only under the lock, having seen every slot taken. So
     *   either the worker's last poll (under the lock) finds the call, or the submitter (after the worker let go)
     *   finds a free slot and starts it.
     * - A call leaves the queue once: by a worker's poll, or by its owner's remove when it ended while waiting
     *   (cancelled); the queue's poll and remove race on one CAS per call, and only the winner counts it out
     *   (a removed call stays linked until a poll passes it, and no poll returns it). How many wait is the queue's
     *   own count (`CallQueue.size`: offers less the polls its head has passed, less removals), which no poll
     *   writes: a shared `queued` counter that the submitter and both workers each updated at every call kept its
     *   line moving between the three. The submitter reads it only when something needs it (a bounded queue, a
     *   QUEUED event, a rejection).
     * - cancelAll misses no call a worker takes without the lock: under the lock it makes `cancelEpoch` odd, collects
     *   the queue and the slots' calls, and makes it even again; the worker reads the epoch, polls, records the call
     *   in its slot, and reads the epoch again, and cancels the call itself (then not counted in cancelAll's return)
     *   when the first reading was odd or the two differ. All volatile. If neither, no collection overlapped the
     *   worker's poll-to-slot window: a collection that ended before the first reading found the call still queued
     *   (the poll came after it), and one that begins after the second reading finds it in its slot. The odd
     *   reading is what a single bump missed: a worker that read the epoch already bumped and then polled the call
     *   while cancelAll's walk was past the queue's head found it in neither place (a full test run saw such a call
     *   start after `close()` returned, once: `PoolLockFreeQueueTest`; the race is as old as the lock-free polls).
     *   `PoolRaceSeamTest` forces that interleaving through the test `Seam` every time.
     * Each worker slot's holder (`WorkerSlot`: its deadline slot and the call it runs, for cancelAll) is made once,
     * under the lock, and published in a copy-on-grow array, so a worker reads its own without the lock.
     * Terminal bookkeeping takes the lock only to wake awaitAll, and no counter is written per call
     * by two threads, and the submitter's count takes no atomic instruction: in a JFR profile of the batch (100,000 trivial calls into a pool of 2), a shared `outstanding`
     * (the submitter adding, both workers subtracting) and one `completed` LongAdder (whose base both workers CASed,
     * never failing, so it never split into cells) were among the workers' and the submitter's hottest lines, each
     * add waiting for the cache line to come back from another core. So the submitters count calls in (`launched`,
     * under the lock they take anyway, so a plain add: every read of it that decides anything is under the lock too),
     * and each worker slot counts the calls that ended on its worker as they returned (`WorkerSlot.ended`, written
     * by that worker alone, so with a release write and no atomic add; every other end, off the worker, in
     * `endedElsewhere`), each counter on cache lines of its own; what is outstanding is the difference:
     * - Ended before launched: `isQuiet` reads the ended counts first and `launched` after. Each count only grows
     *   and a call is counted in before it can end, so the ended sum read is at most what had ended (and so been
     *   launched) by the end of that read, and the launched sum read after it at least that: equal only if, at
     *   that moment, everything launched had ended.
     * - No lost wake-up for awaitAll: it sets `quietWanted` (under the lock, with its waiter) and then looks at the
     *   counts; an ending call adds to its count and then reads `quietWanted`. All volatile, so either the waiter
     *   sees the count or the ending call sees the waiter and looks itself (under the lock). A call still queued
     *   will end later and look then, so an ending call looks only when nothing is queued: while awaitAll waits
     *   for a long queue to drain, the calls ending take no lock. A call that ends on its worker as it returns does
     *   not look at all: its slot is still taken (so `active` is not 0), and that worker looks under the lock when
     *   it frees the slot, its count written before it takes the lock. The ending call's look matters only for
     *   a call that ends with nothing queued or running, a refused one, between its count under the lock and its
     *   end after it; `PoolRaceSeamTest` forces an awaitAll to register in that gap.
     * Worker threads outlive a dry spell: a worker that frees its slot with nothing queued waits a little (the
     * clock's `workerLingerNanos`, 0 on the simulated clock) in that slot's `HandOff`, and `dispatch` hands a call
     * that was given that slot to the waiting thread instead of starting a new one. Only the thread that runs a call
     * changes: the slot, lane and every event are decided as before, under the lock, before the hand-off; a call is
     * handed over once (the HandOff's CAS), and when no thread waits, or it gave up, a new one starts as before. */

    private final AsyncCallbackRuntime runtime;
    private final String label;
    private final int queueCapacity;
    private final ReentrantLock lock = new ReentrantLock();
    /// Futures of `awaitAll` calls, completed when the pool gets quiet; guarded by `lock`.
    private final List<CompletableFuture<Void>> quietWaiters = new ArrayList<>();
    private final CallQueue<Invocation> queue = new CallQueue<>();
    /// What submitters count, under `lock`, on a cache line of its own (see `Admission`).
    private final Admission admission = new Admission();
    /// The holder of each worker slot, by slot number; replaced by a longer copy under `lock`, never shrunk.
    private volatile WorkerSlot[] slots = new WorkerSlot[0];
    private final LaneAllocator lanes;
    /// Calls that ended anywhere but on the worker thread that ran them, as it returned: rejected, cancelled while
    /// queued or while running, timed out, asynchronous work that settled.
    private final PaddedCounter endedElsewhere = new PaddedCounter();
    /// True while an `awaitAll` waits (set and cleared under `lock`): ending calls then look for quiet.
    private volatile boolean quietWanted;
    private volatile int maxConcurrent;
    private volatile int active;
    /// Odd while a `cancelAll` collects its calls (under `lock`), even otherwise: see the Overview.
    private volatile int cancelEpoch;
    private volatile boolean closed;
    private final InvocationOwner owner = new Owner();
    private final Launcher launcher;
    /// How long a worker thread with nothing left to run waits for the next call (`Scheduler.workerLingerNanos`).
    private final long linger;
    /// Test seam (`Seam`), null outside tests: final and never written after construction, so the worker's check
    /// is a read of a line it reads anyway and a branch never taken.
    private final Seam seam;

    /// Options for a pool, starting from its runtime; `size` is required.
    public static Builder builder(AsyncCallbackRuntime runtime) {
        return new Builder(runtime);
    }

    /// Options for a pool on the default runtime (real clock, virtual threads, no events).
    public static Builder builder() {
        return new Builder(AsyncCallbackRuntime.defaultRuntime());
    }

    private AsyncCallbackPool(Builder b) {
        this.runtime = b.runtime;
        this.maxConcurrent = b.size;
        this.queueCapacity = b.queueCapacity;
        this.label = b.label;
        this.lanes = new LaneAllocator(this.label + "w");
        this.launcher = new PoolLauncher(); // after `runtime`: the launcher reads it
        this.linger = runtime.scheduler().workerLingerNanos();
        this.seam = b.seam;
    }

    /// Test seam: where a test stops a thread to force one of the Overview's races, deterministically
    /// (`PoolRaceSeamTest`). Package-private, set only through the builder's package-private `seam`; the pool
    /// calls it only when set and never changes what it does because of it.
    interface Seam {
        /// A worker polled `next` without the lock and has not yet recorded it in its slot (cancelAll's window).
        default void polledWithoutLock(Invocation next) {
        }

        /// cancelAll, under the lock, has made the epoch odd and not yet collected anything.
        default void cancelAllCollecting() {
        }

        /// A submitter counted a call in and refused it, and has not yet ended it (counted it ended).
        default void rejecting(Invocation inv) {
        }
    }

    /// Submits a plain `Callable` (NAAb's form), with a timeout counted from its start.
    public CompletableFuture<AsyncCallbackResult> submit(java.util.concurrent.Callable<?> callback, String name,
                                                         Duration timeout) {
        return submit(AsyncCallback.of(callback), name, timeout);
    }

    /// Submits a callback with the runtime's default timeout (30 s).
    public CompletableFuture<AsyncCallbackResult> submit(AsyncCallback callback, String name) {
        return submit(callback, name, AsyncCallbackRuntime.DEFAULT_TIMEOUT);
    }

    /// Submits a callback; `timeout` counts from its start, `Duration.ZERO` for none, null for the default 30 s
    /// (negative is refused). The future completes normally with the result (REJECTED when the queue is full or
    /// the pool is closed); cancelling it cancels the invocation, and the future then completes normally with a
    /// CANCELLED result (so its `isCancelled()` stays false: look at the result's status).
    public CompletableFuture<AsyncCallbackResult> submit(AsyncCallback callback, String name, Duration timeout) {
        Objects.requireNonNull(callback, "callback");
        return launch(callback, name, AsyncCallbackRuntime.callbackTimeout(timeout), null, 1, 0);
    }

    private InvocationFuture launch(AsyncCallback callback, String name, Duration timeout, String timeoutReason,
                                    int attempt, long group) {
        Invocation inv = new Invocation(runtime.newId(), attempt, group, name, callback, timeout, timeoutReason,
                runtime.scheduler(), runtime.emitter(), runtime.seed(), owner);
        boolean start = false;
        String rejection = null;
        int depth = -1; // how many wait before it: counted only when something reads it (it reads the pollers' line)
        lock.lock();
        try {
            admission.launched++; // before it can end: see the Overview
            if (closed) {
                depth = queuedNow();
                rejection = "the pool is closed";
            } else if (active < maxConcurrent) {
                assignSlot(inv);
                start = true;
            } else if (queueCapacity < 0 || (depth = queuedNow()) < queueCapacity) {
                if (depth < 0 && runtime.emitter().enabled()) {
                    depth = queuedNow(); // for the QUEUED event only
                }
                inv.enqueue(depth + 1); // QUEUED before any worker can see it: see the Overview
                queue.offer(inv);
            } else {
                rejection = "queue full (capacity " + queueCapacity + ")";
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            dispatch(inv);
        } else if (rejection != null) {
            if (seam != null) {
                seam.rejecting(inv);
            }
            inv.reject(depth, rejection); // outside the lock: the caller's continuations run here
        }
        return inv.future();
    }

    /// Call under `lock`.
    private void assignSlot(Invocation inv) {
        int slot = lanes.acquire();
        WorkerSlot[] all = slots;
        if (slot >= all.length) {
            all = java.util.Arrays.copyOf(all, Math.max(slot + 1, all.length * 2));
            for (int i = 0; i < all.length; i++) {
                if (all[i] == null) {
                    all[i] = new WorkerSlot(runtime.scheduler().deadlineSlot());
                }
            }
            slots = all;
        }
        all[slot].take(inv, slot);
        active++;
    }

    private void dispatch(Invocation inv) {
        if (slots[inv.slot()].idleWorker.offer(inv)) {
            return; // a worker thread that ran out of work a moment ago runs it: no thread to start (Overview)
        }
        try {
            runtime.scheduler().workers().execute(() -> runLoop(inv));
        } catch (RejectedExecutionException e) {
            // The runtime's workers were shut down under us: end it rather than leave a caller waiting.
            inv.cancel();
            owner.workerDoneLater(inv);
        }
    }

    private void runLoop(Invocation first) {
        Invocation inv = first;
        while (inv != null) {
            if (!inv.run(lanes.name(inv.slot()))) {
                return; // its work goes on elsewhere; workerDoneLater hands the slot on
            }
            int slot = inv.slot();
            inv = releaseAndNext(inv);
            if (inv == null && linger > 0) {
                // Out of work, its slot freed: wait a little where the next call given that slot looks (Overview).
                inv = slots[slot].idleWorker.await(linger);
            }
        }
    }

    /// Frees `done`'s slot, or hands it straight to the next queued invocation, which is returned. While calls
    /// wait, without the lock (see the Overview).
    private Invocation releaseAndNext(Invocation done) {
        Invocation next = pollNext(done);
        return next != null ? next : releaseOrNextLocked(done);
    }

    /// The next queued invocation, given `done`'s slot, polled without the lock; null when none was found that way.
    private Invocation pollNext(Invocation done) {
        int slot = done.slot();
        WorkerSlot holder = slots[slot];
        if (active <= maxConcurrent) {
            int epoch = cancelEpoch;
            Invocation next = queue.poll();
            if (next != null) {
                if (seam != null) {
                    seam.polledWithoutLock(next);
                }
                holder.take(next, slot);
                if ((epoch & 1) != 0 || cancelEpoch != epoch) {
                    next.cancel(); // a cancelAll looked while it was between the queue and its slot (Overview)
                }
                return next;
            }
        }
        return null;
    }

    /// Under the lock: the next queued invocation in `done`'s slot, or else frees the slot (null).
    private Invocation releaseOrNextLocked(Invocation done) {
        int slot = done.slot();
        WorkerSlot holder = slots[slot];
        lock.lock();
        try {
            if (active <= maxConcurrent) {
                Invocation next = queue.poll(); // once more under the lock: a call queued since must not be left
                if (next != null) {
                    holder.take(next, slot);
                    return next;
                }
            }
            holder.current = null;
            lanes.release(slot);
            active--;
            signalIfQuiet();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /// Changes the limit while running (and emits POOL_RESIZED). Growing starts queued invocations at once;
    /// shrinking lets running ones finish and starts no more until fewer than `maxConcurrent` run.
    ///
    /// @throws IllegalArgumentException when `newMaxConcurrent` is less than 1
    public void resize(int newMaxConcurrent) {
        if (newMaxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + newMaxConcurrent);
        }
        List<Invocation> toStart = new ArrayList<>();
        lock.lock();
        try {
            maxConcurrent = newMaxConcurrent;
            runtime.emitter().emit(EventType.POOL_RESIZED, 0, 0, 0, label.isEmpty() ? "pool" : label, null, -1, null,
                    null, Integer.toString(newMaxConcurrent), queuedNow());
            Invocation next;
            while (active < maxConcurrent && (next = queue.poll()) != null) {
                assignSlot(next);
                toStart.add(next);
            }
        } finally {
            lock.unlock();
        }
        toStart.forEach(this::dispatch);
    }

    /// Cancels everything queued and running; returns how many this call cancelled.
    public int cancelAll() {
        List<Invocation> victims = new ArrayList<>();
        lock.lock();
        try {
            cancelEpoch++; // odd while it collects: see the Overview
            if (seam != null) {
                seam.cancelAllCollecting();
            }
            queue.forEach(victims::add);
            for (WorkerSlot slot : slots) {
                Invocation inv = slot.current;
                if (inv != null) {
                    victims.add(inv);
                }
            }
            cancelEpoch++; // even again: its collection is over
        } finally {
            lock.unlock();
        }
        int n = 0;
        for (Invocation inv : victims) {
            if (inv.cancel()) {
                n++;
            }
        }
        return n;
    }

    /// Waits, at most `timeout` on the pool's clock, until the pool is quiet: every submitted invocation has ended
    /// and every worker has let go (a callback running past its timeout holds its worker). True if it got quiet.
    /// The real clock blocks the calling thread; the simulated clock runs the simulation meanwhile instead (for
    /// at most `timeout` of simulated time, and no further than it has something to run), so it never blocks.
    /// Zero or negative: no waiting, only what is due now.
    ///
    /// @throws InterruptedException when the calling thread is interrupted while it waits (real clock)
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        var quiet = new CompletableFuture<Void>();
        lock.lock();
        try {
            quietWanted = true; // before looking: a call ending from now on looks too (see the Overview)
            if (isQuiet()) {
                quietWanted = !quietWaiters.isEmpty();
                return true;
            }
            quietWaiters.add(quiet);
        } finally {
            lock.unlock();
        }
        try {
            long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
            return runtime.scheduler().await(quiet, nanos) || isQuietNow();
        } finally {
            lock.lock();
            try {
                quietWaiters.remove(quiet);
                quietWanted = !quietWaiters.isEmpty();
            } finally {
                lock.unlock();
            }
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /// Completes the `awaitAll` futures if the pool is quiet. Call under `lock`: the quiet test and the
    /// registration of a waiter in `awaitAll` are then atomic with respect to each other, so no wake-up is lost.
    private void signalIfQuiet() {
        if (isQuiet() && !quietWaiters.isEmpty()) {
            quietWaiters.forEach(w -> w.complete(null));
            quietWaiters.clear();
            quietWanted = false;
        }
    }

    /// Call under `lock`.
    private boolean isQuiet() {
        long ended = endedCount(); // first, then launched: see the Overview
        return admission.launched == ended && active == 0;
    }

    private boolean isQuietNow() {
        lock.lock();
        try {
            return isQuiet();
        } finally {
            lock.unlock();
        }
    }

    /// Calls ended so far: those that ended off their worker, and each slot's.
    private long endedCount() {
        long n = endedElsewhere.get();
        for (WorkerSlot s : slots) {
            n += s.endedCount();
        }
        return n;
    }

    /// Callbacks holding a worker slot now (running, or still running past their timeout).
    public int activeCount() {
        return active;
    }

    /// Invocations waiting in the queue now.
    public int queuedCount() {
        return queuedNow();
    }

    /// Invocations that reached a terminal state (REJECTED ones included).
    public long completedCount() {
        return endedCount();
    }

    /// How many may run at once now (as built, or as last resized).
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /// How many may wait; negative for unbounded.
    public int queueCapacity() {
        return queueCapacity;
    }

    /// Rejects new submissions and cancels everything queued and running; does not wait (see `awaitAll` for
    /// callbacks that ignore their interrupt and hold their worker a while longer). Idempotent.
    @Override
    public void close() {
        closed = true;
        cancelAll();
    }

    /// The pool's side of its invocations' lifecycle.
    private final class Owner implements InvocationOwner {
        @Override
        public void workerDoneLater(Invocation invocation) {
            Invocation next = releaseAndNext(invocation);
            if (next != null) {
                dispatch(next);
            }
        }

        @Override
        public void ended(Invocation invocation, boolean neverStarted, boolean onWorker) {
            if (onWorker) {
                // Its worker, returning: it holds the slot (active is at least 1, so nobody is quiet yet), and it
                // looks for quiet itself under the lock when it frees the slot. No look here, and no atomic add.
                slots[invocation.slot()].countEndedByWorker();
                return;
            }
            endedElsewhere.increment();
            if (neverStarted) {
                queue.remove(invocation); // false: a worker polled it first (or it never waited)
            }
            // Counted, then quietWanted read: see the Overview. A queued call ends later and looks then.
            if (quietWanted && active == 0 && queuedNow() == 0) {
                lock.lock();
                try {
                    signalIfQuiet();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /// How many calls wait now (see `CallQueue.size`).
    private int queuedNow() {
        return queue.size();
    }

    /// The submitters' count, written at every call under `lock`. On cache lines of its own: the workers read the
    /// pool's own fields (`active`, `maxConcurrent`, `cancelEpoch`) at every call, and a count written beside them
    /// at every submission took that line from them each time.
    private static final class Admission extends AdmissionFields {
        @SuppressWarnings("unused") // padding after the fields
        private long q0, q1, q2, q3, q4, q5, q6, q7;
    }

    /// Padding before `Admission`'s fields.
    private abstract static class AdmissionPad {
        @SuppressWarnings("unused")
        private long p0, p1, p2, p3, p4, p5, p6, p7;
    }

    /// `Admission`'s fields, between its two paddings.
    private abstract static class AdmissionFields extends AdmissionPad {
        /// Calls submitted (rejected ones included); with the ended counts, what is outstanding (see the Overview).
        /// Guarded by `lock`.
        long launched;
    }

    /// One worker slot: the deadline slot its calls arm their timeouts in (the clock then keeps no timer per call),
    /// the call it runs now (read by `cancelAll`) and how many calls ended in it. Its worker writes `current` and
    /// `ended` at every call, so the slot sits alone on its cache lines (`SlotFields` between two paddings): two
    /// workers' slots, made one after the other, would otherwise share a line and take it from each other.
    private static final class WorkerSlot extends SlotFields {
        @SuppressWarnings("unused") // padding after the fields
        private long q0, q1, q2, q3, q4, q5, q6, q7;

        WorkerSlot(Scheduler.DeadlineSlot deadline) {
            super(deadline);
        }

        void take(Invocation inv, int slot) {
            inv.slot(slot, deadline);
            current = inv;
        }

        /// Only the worker thread that holds this slot, as its call returns: one writer at a time (a slot passes from
        /// one thread to the next under the lock, by a poll or by a hand-off, each of which orders the two), so a
        /// release write, no atomic add (the other ends count in `endedElsewhere`).
        void countEndedByWorker() {
            ENDED.setRelease(this, ended + 1);
        }


        long endedCount() {
            return ended;
        }
    }

    /// Padding before a `WorkerSlot`'s fields.
    private abstract static class SlotPad {
        @SuppressWarnings("unused")
        private long p0, p1, p2, p3, p4, p5, p6, p7;
    }

    /// A `WorkerSlot`'s fields, between its two paddings.
    private abstract static class SlotFields extends SlotPad {
        static final java.lang.invoke.VarHandle ENDED;

        static {
            try {
                ENDED = java.lang.invoke.MethodHandles.lookup().findVarHandle(SlotFields.class, "ended", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Scheduler.DeadlineSlot deadline;
        volatile Invocation current;
        /// Calls that ended on this slot's worker as they returned (written through ENDED, by that worker only).
        volatile long ended;
        /// Where a worker thread that last freed this slot waits a little for the slot's next call.
        final HandOff<Invocation> idleWorker = new HandOff<>();

        SlotFields(Scheduler.DeadlineSlot deadline) {
            this.deadline = deadline;
        }
    }

    /// Lets the retry, parallel, race and hedged helpers start their invocations in this pool.
    Launcher launcher() {
        return launcher;
    }

    private final class PoolLauncher extends RuntimeLauncher {
        PoolLauncher() {
            super(AsyncCallbackPool.this.runtime);
        }

        @Override
        public InvocationFuture launch(AsyncCallback callback, String name, Duration timeout, String timeoutReason,
                                       int attempt, long group) {
            return AsyncCallbackPool.this.launch(callback, name, timeout, timeoutReason, attempt, group);
        }
    }

    AsyncCallbackRuntime runtime() {
        return runtime;
    }

    /// Options for a pool: how many run at once, how many may wait, and the lanes' label.
    ///
    /// ```java
    /// var pool = AsyncCallbackPool.builder(runtime).size(4).queueCapacity(100).label("db-").build();
    /// ```
    public static final class Builder {
        private final AsyncCallbackRuntime runtime;
        private int size;
        private int queueCapacity = -1;
        private String label = "";
        private Seam seam;

        private Builder(AsyncCallbackRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
        }

        /// How many callbacks run at once (at least 1). Required.
        public Builder size(int maxConcurrent) {
            this.size = maxConcurrent;
            return this;
        }

        /// How many may wait in the FIFO queue; past it, `REJECTED`. Negative (the default): unbounded.
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /// Lanes are named `label + "w" + n`, so several pools in one run stay apart on the timeline.
        public Builder label(String label) {
            this.label = label == null ? "" : label;
            return this;
        }

        /// Test seam only (package-private): see `Seam`.
        Builder seam(Seam seam) {
            this.seam = seam;
            return this;
        }

        /// The pool; throws `IllegalArgumentException` when `size` is less than 1.
        public AsyncCallbackPool build() {
            if (size < 1) {
                throw new IllegalArgumentException("a pool's size must be at least 1, was " + size);
            }
            return new AsyncCallbackPool(this);
        }
    }
}
