package dev.asynclab.lab.scenario;

import dev.asynclab.engine.AsyncCallback;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/// The service behind `work: { downstream: { slots: N, sleep: D } }`: at most N calls served at once, the rest
/// wait first come first served. Time passes through the calling invocation's `delay`, so the engine's clock
/// (real or simulated) drives it and no thread is held while a call waits or is served.
///
/// Thread safety: `busy` and the queue change together under this object's lock (calls arrive and end on many
/// threads on the real clock); a served call is started outside it.
final class Downstream {

    private final int slots;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int busy;

    Downstream(int slots) {
        this.slots = slots;
    }

    /// A stage that completes when the downstream has served a call of `nanos`. A caller that gives up (its stage
    /// cancelled by a timeout) leaves the request in the queue: the downstream serves it all the same.
    CompletionStage<Object> call(AsyncCallback.Context ctx, long nanos) {
        var done = new CompletableFuture<Object>();
        Runnable serve = () -> ctx.delay(Duration.ofNanos(nanos)).whenComplete((v, e) -> {
            done.complete("ok");
            release();
        });
        synchronized (this) {
            if (busy >= slots) {
                waiting.add(serve);
                return done;
            }
            busy++;
        }
        serve.run();
        return done;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                busy--; // the slot is free; with someone waiting it passes straight to them instead
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
