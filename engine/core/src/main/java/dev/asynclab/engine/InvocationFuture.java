package dev.asynclab.engine;

import dev.asynclab.engine.internal.WorkFuture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BiConsumer;

/// The caller's handle on one invocation or group (see `WorkFuture`), which a group can also end as timed out:
/// `expire(reason)` when the group's overall deadline passes, `reason` naming that limit and who set it.
final class InvocationFuture extends WorkFuture<AsyncCallbackResult> {

    /* Overview: one end-of-work action (`whenEnded`) rides on the future itself, with no dependent future and no
     * completion object: the engine ends its work through `complete` (or `completeExceptionally`), which hands the
     * action the outcome after the future's own dependants have run. Registering and completing race when they come
     * from two threads: the registrar writes `ended` and then reads whether the future is done, the completer writes
     * the result and then reads `ended` (both volatile), so at least one of them sees the other; both then try to
     * take the action with one getAndSet, and only the one that gets it runs it. A completer on the registrar's own
     * thread races with nobody: the registration is over (its look at `isDone` said no, or it took the action
     * itself), so it takes the action with plain reads and writes (an atomic update cost about 13 ns on the 2-core
     * VM, and a simulated run is made of one thread that registers and completes every call). */

    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(InvocationFuture.class, "ended", BiConsumer.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /// What expiring does: end whatever still runs as `TIMED_OUT`, with `reason` as its message.
    @FunctionalInterface
    public interface Expire {
        void expire(String reason);
    }

    private final Expire expire;
    /// The action to run once it is done (`whenEnded`), until it is taken to be run; null when none.
    private volatile BiConsumer<? super AsyncCallbackResult, ? super Throwable> ended;
    /// The thread that registered `ended` (written before it, read after reading it).
    private Thread registrar;

    public InvocationFuture(Cancel cancel, Expire expire) {
        super(cancel);
        this.expire = expire;
    }

    /// Ends the work as `TIMED_OUT` now if it still runs; `reason` names the limit that fired and who set it
    /// ("group timeout 200 ms (parallel 'page-load')").
    public void expire(String reason) {
        expire.expire(reason);
    }

    /// Runs `action` once, when this future is done, as `whenComplete(action)` would (at once if it is done
    /// already), but without the dependent future and completion object that makes; a second action waiting
    /// at the same time goes through `whenComplete`.
    void whenEnded(BiConsumer<? super AsyncCallbackResult, ? super Throwable> action) {
        // CAS: one action rides on the future; another one registered while it waits takes the ordinary way.
        Thread me = Thread.currentThread();
        Thread before = registrar;
        registrar = me; // published by the CAS below to whoever reads `ended` non-null
        if (!ENDED.compareAndSet(this, null, action)) {
            registrar = before;
            whenComplete(action);
            return;
        }
        if (isDone()) {
            runEnded(false); // done before (or while) it was registered: see the Overview
        }
    }

    @Override
    public boolean complete(AsyncCallbackResult value) {
        boolean completed = super.complete(value);
        if (completed && ended != null) {
            runEnded(true);
        }
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable error) {
        boolean completed = super.completeExceptionally(error);
        if (completed && ended != null) {
            runEnded(true);
        }
        return completed;
    }

    /// Takes the action and runs it, if nobody took it first; `completing` when called by the completer (once: only
    /// one completion wins), rather than by a registrar that found the future done.
    @SuppressWarnings("unchecked")
    private void runEnded(boolean completing) {
        BiConsumer<? super AsyncCallbackResult, ? super Throwable> action;
        if (completing && registrar == Thread.currentThread()) {
            action = ended; // the registration on this thread is over: nobody else can take it (see the Overview)
            ENDED.setOpaque(this, null);
        } else {
            // getAndSet: the completer and a registrar that saw the future done race to run the action; one gets it.
            action = (BiConsumer<? super AsyncCallbackResult, ? super Throwable>) ENDED.getAndSet(this, null);
        }
        if (action == null) {
            return;
        }
        AsyncCallbackResult value = null;
        Throwable error = null;
        try {
            value = join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            error = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        }
        action.accept(value, error);
    }
}
