package dev.asynclab.lab.polyglot;

import java.util.concurrent.atomic.AtomicInteger;

/// One call's hold on a borrowed context, and the handshake between the worker that runs the script and a
/// timeout or cancel that stops it from another thread.
///
/// Overview: the worker and a stop race for the context. Whoever moves the state out of `RUNNING` first decides
/// its fate. If the worker finishes first, the context goes back to the pool and a later stop does nothing (it
/// must not touch a context another call may already be using). If the stop comes first, the context is
/// stopped, closed and replaced, and the worker only learns that its script was stopped.
final class ScriptCall {

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int STOPPED = 2;

    private final ContextPool pool;
    private final ScriptContext context;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    ScriptCall(ContextPool pool, ScriptContext context) {
        this.pool = pool;
        this.context = context;
    }

    ScriptContext context() {
        return context;
    }

    /// True once a stop has won the race: the script is being or has been stopped.
    boolean isStopped() {
        return state.get() == STOPPED;
    }

    /// The cancel hook: stops the script from outside. It may block for the interrupt's grace period, so it
    /// runs on its own virtual thread; the engine's timer thread must never wait for a script.
    void stop() {
        // Guard against a race with the worker finishing: only a still-running call may be stopped.
        if (state.compareAndSet(RUNNING, STOPPED)) {
            Thread.ofVirtual().name("asynclab-script-stop").start(context::stop);
        }
    }

    /// Called once by the worker when the script has returned or thrown.
    void finish() {
        // Guard against a race with stop(): if the stop won, the stopper owns (and closes) the context.
        if (state.compareAndSet(RUNNING, FINISHED)) {
            pool.giveBack(context);
        }
    }
}
