package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackGuard;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static dev.asynclab.engine.functional.TestCallbacks.after;
import static org.assertj.core.api.Assertions.assertThat;

/// Cancelling works one way everywhere: cancelling the future any helper returns cancels everything still running
/// under it, at once, and the future completes normally with the CANCELLED outcome.
class CancellationTest {

    enum Helper { WRAPPER, POOL, RETRY, PARALLEL, RACE, HEDGED, TASK_PARALLEL }

    private static CompletableFuture<?> start(Helper helper, Sim sim, AsyncCallbackPool pool) {
        var slow = Task.call("slow", after(1_000, "s"), Duration.ZERO);
        var slower = Task.call("slower", after(2_000, "s"), Duration.ZERO);
        return switch (helper) {
            case WRAPPER -> new AsyncCallbackWrapper(sim.runtime, after(1_000, "s"), "slow", Duration.ZERO)
                    .executeAsync();
            case POOL -> pool.submit(after(1_000, "s"), "slow", Duration.ZERO);
            case RETRY -> AsyncCallbacks.executeWithRetry(pool, after(1_000, "s"), "slow", Duration.ZERO,
                    RetryPolicy.ofDefaults());
            case PARALLEL -> AsyncCallbacks.executeParallel(pool, List.of(slow, slower), Duration.ZERO);
            case RACE -> AsyncCallbacks.executeRace(pool, List.of(slow, slower), Duration.ZERO);
            case HEDGED -> AsyncCallbacks.executeHedged(pool, List.of(slow, slower), ms(5), Duration.ZERO);
            case TASK_PARALLEL -> AsyncCallbacks.execute(pool, Task.parallel("both", Duration.ZERO, slow, slower));
        };
    }

    @ParameterizedTest
    @EnumSource(Helper.class)
    void cancellingAHelpersFutureCancelsEverythingUnderItAtOnce(Helper helper) throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(4).build()) {
            CompletableFuture<?> f = start(helper, sim, pool);
            sim.clock.advance(nanos(10));
            assertThat(f.cancel(true)).isTrue();
            assertThat(f).as("done at once, normally").isDone().isNotCancelled().isNotCompletedExceptionally();
            Object outcome = f.join();
            List<AsyncCallbackResult> results = outcome instanceof List<?> list
                    ? list.stream().map(AsyncCallbackResult.class::cast).toList()
                    : List.of((AsyncCallbackResult) outcome);
            assertThat(results).extracting(AsyncCallbackResult::status).containsOnly(Status.CANCELLED);
            assertThat(f.cancel(true)).as("idempotent").isFalse();
            sim.run();
            assertThat(sim.events(EventType.SUCCEEDED)).as("nothing under it went on to succeed").isEmpty();
            assertThat(sim.events(EventType.CANCELLED)).extracting(Event::t).containsOnly(nanos(10));
            assertThat(sim.clock.nanoTime()).as("no timer outlived the cancel").isEqualTo(nanos(10));
            assertThat(pool.awaitAll(Duration.ofHours(1))).isTrue();
        }
    }

    @Test
    void aGuardClosedBeforeItExecutedNeverRunsItsCallback() {
        try (var sim = new Sim()) {
            var ran = new AtomicBoolean();
            var guard = new AsyncCallbackGuard(sim.runtime, ctx -> ran.getAndSet(true), "never", ms(10));
            guard.close();
            assertThat(guard.isDone()).isTrue();
            assertThat(guard.execute().join().status()).isEqualTo(Status.CANCELLED);
            sim.run();
            assertThat(ran).isFalse();
        }
    }

    @Test
    void aTimeoutCallsOffTheAttemptsDelayToo() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> ctx.delay(Duration.ofSeconds(5)).thenApply(v -> 1),
                    "delayed", ms(10)).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
            sim.run();
            assertThat(sim.clock.nanoTime()).as("the 5 s delay timer was called off").isEqualTo(nanos(10));
        }
    }
}
