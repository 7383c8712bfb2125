package dev.asynclab.engine;

import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.internal.LaneAllocator;
import dev.asynclab.engine.spi.Scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
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

    /* Overview: admission state (active, queue, slots, running) is guarded by one lock, held only for a few
     * field updates and the QUEUED/REJECTED event (emitted under the lock so it precedes the STARTED that a
     * worker could otherwise emit first). Callbacks never run under the lock. Terminal bookkeeping
     * (outstanding, completed) is atomic and takes the lock only to wake awaitAll. */

    private final AsyncCallbackRuntime runtime;
    private final String label;
    private final int queueCapacity;
    private final ReentrantLock lock = new ReentrantLock();
    /// Futures of `awaitAll` calls, completed when the pool gets quiet; guarded by `lock`.
    private final List<CompletableFuture<Void>> quietWaiters = new ArrayList<>();
    private final ArrayDeque<Invocation> queue = new ArrayDeque<>();
    private final List<Invocation> running = new ArrayList<>();
    /// The deadline slot of each worker slot, made when the slot is first used; guarded by `lock`. Each call's
    /// timeout is armed in its worker slot's deadline slot: the clock need keep no timer per call.
    private final List<Scheduler.DeadlineSlot> deadlineSlots = new ArrayList<>();
    private final LaneAllocator lanes;
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private volatile int maxConcurrent;
    private volatile int active;
    private volatile int queued;
    private volatile boolean closed;
    private final InvocationOwner owner = new Owner();
    private final Launcher launcher;

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
        outstanding.incrementAndGet();
        boolean start = false;
        String rejection = null;
        int depth;
        lock.lock();
        try {
            depth = queue.size();
            if (closed) {
                rejection = "the pool is closed";
            } else if (active < maxConcurrent) {
                assignSlot(inv);
                start = true;
            } else if (queueCapacity < 0 || depth < queueCapacity) {
                queue.addLast(inv);
                queued = queue.size();
                inv.enqueue(queue.size());
            } else {
                rejection = "queue full (capacity " + queueCapacity + ")";
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            dispatch(inv);
        } else if (rejection != null) {
            inv.reject(depth, rejection); // outside the lock: the caller's continuations run here
        }
        return inv.future();
    }

    private void assignSlot(Invocation inv) {
        int slot = lanes.acquire();
        while (running.size() <= slot) {
            running.add(null);
            deadlineSlots.add(runtime.scheduler().deadlineSlot());
        }
        inv.slot(slot, deadlineSlots.get(slot));
        running.set(slot, inv);
        active++;
    }

    private void dispatch(Invocation inv) {
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
            inv = releaseAndNext(inv);
        }
    }

    /// Frees `done`'s slot, or hands it straight to the next queued invocation, which is returned.
    private Invocation releaseAndNext(Invocation done) {
        lock.lock();
        try {
            int slot = done.slot();
            running.set(slot, null);
            if (active <= maxConcurrent) {
                Invocation next = queue.pollFirst();
                if (next != null) {
                    queued = queue.size();
                    next.slot(slot, deadlineSlots.get(slot));
                    running.set(slot, next);
                    return next;
                }
            }
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
                    null, Integer.toString(newMaxConcurrent), queue.size());
            while (active < maxConcurrent && !queue.isEmpty()) {
                Invocation next = queue.pollFirst();
                assignSlot(next);
                toStart.add(next);
            }
            queued = queue.size();
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
            victims.addAll(queue);
            for (Invocation inv : running) {
                if (inv != null) {
                    victims.add(inv);
                }
            }
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
            if (isQuiet()) {
                return true;
            }
            quietWaiters.add(quiet);
        } finally {
            lock.unlock();
        }
        try {
            long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
            return runtime.scheduler().await(quiet, nanos) || isQuiet();
        } finally {
            lock.lock();
            try {
                quietWaiters.remove(quiet);
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
        }
    }

    private boolean isQuiet() {
        return outstanding.get() == 0 && active == 0;
    }

    /// Callbacks holding a worker slot now (running, or still running past their timeout).
    public int activeCount() {
        return active;
    }

    /// Invocations waiting in the queue now.
    public int queuedCount() {
        return queued;
    }

    /// Invocations that reached a terminal state (REJECTED ones included).
    public long completedCount() {
        return completed.get();
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
        public void ended(Invocation invocation, boolean neverStarted) {
            completed.incrementAndGet();
            if (neverStarted) {
                lock.lock();
                try {
                    if (queue.remove(invocation)) {
                        queued = queue.size();
                    }
                } finally {
                    lock.unlock();
                }
            }
            if (outstanding.decrementAndGet() == 0 && active == 0) {
                lock.lock();
                try {
                    signalIfQuiet();
                } finally {
                    lock.unlock();
                }
            }
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

        /// The pool; throws `IllegalArgumentException` when `size` is less than 1.
        public AsyncCallbackPool build() {
            if (size < 1) {
                throw new IllegalArgumentException("a pool's size must be at least 1, was " + size);
            }
            return new AsyncCallbackPool(this);
        }
    }
}
