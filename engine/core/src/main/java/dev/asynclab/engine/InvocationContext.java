package dev.asynclab.engine;

import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.internal.CallQueue;
import dev.asynclab.engine.internal.SplitMix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/// The context one attempt's callback sees. Sleep and work go to the scheduler, which blocks on the real clock
/// and answers with time to charge on the simulated one (the invocation then completes when it has passed).
///
/// It is the invocation itself, seen from its callback (`Invocation` is its one subclass): a call makes one object
/// for its state machine, its queue link and its context, not a context more as it starts (40 bytes and an
/// allocation on the worker, for every call of a pool batch). Its state is the callback's own, written and read
/// on the thread that runs it, except the stop hooks (under this object's monitor).
abstract sealed class InvocationContext extends CallQueue.Node implements AsyncCallback.Context permits Invocation {

    private long charged;
    private boolean ignoresInterrupt;
    /// The seed of its random numbers, as a `SplittableRandom`'s (see `SplitMix`); set by the first `random()`.
    private long randomSeed;
    private boolean randomSeeded;
    private List<Runnable> cancelHooks;

    InvocationContext() {
    }

    /// The invocation this context belongs to: itself.
    abstract Invocation invocation();

    long charged() {
        return charged;
    }

    boolean ignoresInterrupt() {
        return ignoresInterrupt;
    }

    @Override
    public int attempt() {
        return invocation().attempt;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = duration.toNanos();
        if (nanos > 0) {
            charged += invocation().scheduler.sleep(nanos);
        }
    }

    @Override
    public void sleepIgnoringInterrupt(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos > 0) {
            ignoresInterrupt = true;
            charged += invocation().scheduler.sleepIgnoringInterrupt(nanos);
        }
    }

    @Override
    public void work(Duration duration) throws InterruptedException {
        long nanos = duration.toNanos();
        if (nanos > 0) {
            charged += invocation().scheduler.busyWork(nanos);
        }
    }

    @Override
    public void charge(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos > 0) {
            charged += invocation().scheduler.charge(nanos);
        }
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        var cf = new CompletableFuture<Void>();
        var task = invocation().scheduler.schedule(() -> cf.complete(null), duration.toNanos());
        cf.whenComplete((v, e) -> {
            if (e != null) {
                task.cancel();
            }
        });
        // A timeout or cancel of this attempt calls the delay off too: its timer must not outlive the invocation
        // (the stage the callback returned may only depend on this one, and cancelling that leaves this running).
        onCancel(() -> cf.cancel(false));
        return cf;
    }

    @Override
    public double random() {
        if (!randomSeeded) {
            Invocation inv = invocation();
            randomSeed = mix(inv.seed, inv.id, inv.attempt);
            randomSeeded = true;
        }
        return SplitMix.toDouble(randomSeed += SplitMix.GAMMA); // what a SplittableRandom of that seed gives
    }

    static long mix(long seed, long id, long attempt) {
        long h = seed * 0x9E3779B97F4A7C15L + id;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + attempt;
        return h ^ (h >>> 29);
    }

    @Override
    public void log(String message) {
        Invocation inv = invocation();
        inv.emitter.emit(EventType.LOG, inv.id, inv.attempt, inv.group, inv.name, null, -1, null, null,
                Errors.shortText(message), -1);
    }

    @Override
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!invocation().isStopped()) {
                if (cancelHooks == null) {
                    cancelHooks = new ArrayList<>(2);
                }
                cancelHooks.add(action);
                return;
            }
        }
        action.run();
    }

    void fireCancelHooks() {
        List<Runnable> hooks;
        synchronized (this) {
            hooks = cancelHooks;
            cancelHooks = null;
        }
        if (hooks != null) {
            for (Runnable r : hooks) {
                try {
                    r.run();
                } catch (Throwable ignored) {
                    // a failing stop hook must not keep the others from running
                }
            }
        }
    }
}
