package dev.asynclab.engine.policy;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.asynclab.engine.Sim.nanos;

/// Callbacks and launching helpers for the policy tests, all on the simulated clock.
final class Calls {

    private Calls() {
    }

    /// Works `ms` of simulated time, then fails.
    static AsyncCallback failingAfter(long ms) {
        return ctx -> {
            ctx.sleep(Duration.ofMillis(ms));
            throw new CallbackFailure("IOException", "connection refused");
        };
    }

    /// Works `ms` of simulated time, then returns "ok".
    static AsyncCallback okAfter(long ms) {
        return ctx -> {
            ctx.sleep(Duration.ofMillis(ms));
            return "ok";
        };
    }

    /// Launches `task` on the runtime at simulated time `atMs`; the futures collect in `into`.
    static void at(Sim sim, long atMs, Task task, List<CompletableFuture<AsyncCallbackResult>> into) {
        sim.clock.schedule(() -> into.add(AsyncCallbacks.execute(sim.runtime, task)), nanos(atMs));
    }

    static List<CompletableFuture<AsyncCallbackResult>> futures() {
        return new CopyOnWriteArrayList<>();
    }

    /// "TYPE@ms" for each event, to compare sequences of state changes at a glance.
    static String at(Event e) {
        return e.type() + "@" + e.t() / 1_000_000;
    }
}
