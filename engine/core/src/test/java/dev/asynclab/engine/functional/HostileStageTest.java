package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.Hostile;
import dev.asynclab.engine.Hostile.StageKind;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

/// An asynchronous callback's stage is consumed through `whenComplete` only, and whatever it does (throw from
/// every other method, call back twice, never call back) the invocation ends once and its slot comes back.
class HostileStageTest {

    /// Runs one callback returning a hostile stage in a pool of one, then a second plain one after it.
    private static Outcome runInPoolOfOne(StageKind kind, Duration timeout) throws InterruptedException {
        var sim = new Sim();
        try (sim; var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            CompletableFuture<AsyncCallbackResult> f = pool.submit(
                    ctx -> Hostile.stage(kind, sim.clock, nanos(10), "stage value"), "hostile", timeout);
            CompletableFuture<AsyncCallbackResult> next = pool.submit(ctx -> "next", "next", ms(100));
            assertThat(pool.awaitAll(Duration.ofHours(1))).as("the pool gets quiet").isTrue();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(2);
            assertThat(next.join().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(sim.terminalsPerId()).containsOnlyKeys(1L, 2L).allSatisfy((id, n) -> assertThat(n).isOne());
            return new Outcome(f.join(), sim.events(e -> e.id() == 2 && e.type() == EventType.STARTED).getFirst(),
                    sim.events(EventType.LATE_FINISH).size());
        }
    }

    private record Outcome(AsyncCallbackResult result, Event nextStarted, int lateFinishes) {
    }

    @Test
    void aStageThatRefusesToCompletableFutureEndsWhenItCompletesNotAtItsTimeout() throws Exception {
        var o = runInPoolOfOne(StageKind.COMPLETES_LATER, ms(100));
        assertThat(o.result().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(o.result().value()).isEqualTo("stage value");
        assertThat(o.result().executionTime()).isEqualTo(ms(10));
        assertThat(o.nextStarted().t()).isEqualTo(nanos(10));
    }

    @Test
    void withNoTimeoutSuchAStageNeitherHangsNorHoldsItsSlot() throws Exception {
        var o = runInPoolOfOne(StageKind.COMPLETES_LATER, Duration.ZERO);
        assertThat(o.result().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(o.nextStarted().t()).isEqualTo(nanos(10));
    }

    @Test
    void aStageThatFailsEndsAsFailedWithItsError() throws Exception {
        var o = runInPoolOfOne(StageKind.FAILS_LATER, ms(100));
        assertThat(o.result().status()).isEqualTo(Status.FAILED);
        assertThat(o.result().errorType()).isEqualTo("IOException");
    }

    @Test
    void aStageWhoseWhenCompleteThrowsEndsAsFailed() throws Exception {
        var o = runInPoolOfOne(StageKind.WHEN_COMPLETE_THROWS, ms(100));
        assertThat(o.result().status()).isEqualTo(Status.FAILED);
        assertThat(o.result().errorType()).isEqualTo("UnsupportedOperationException");
    }

    @Test
    void aStageThatCallsBackTwiceIsHeardOnce() throws Exception {
        var o = runInPoolOfOne(StageKind.CALLS_BACK_TWICE, ms(100));
        assertThat(o.result().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(o.lateFinishes()).isZero();
    }

    @Test
    void aStageThatCallsBackAndThenThrowsIsHeardOnce() throws Exception {
        var o = runInPoolOfOne(StageKind.CALLS_BACK_THEN_THROWS, ms(100));
        assertThat(o.result().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(o.lateFinishes()).isZero();
    }

    @Test
    void aStageThatNeverCompletesTimesOutAndGivesItsSlotBack() throws Exception {
        var o = runInPoolOfOne(StageKind.NEVER_COMPLETES, ms(50));
        assertThat(o.result().status()).isEqualTo(Status.TIMED_OUT);
        assertThat(o.nextStarted().t()).isEqualTo(nanos(50));
    }

    @Test
    void cancellingAnInvocationWaitingOnAStageThatNeverCompletesGivesItsSlotBack() throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            var f = pool.submit(ctx -> Hostile.stage(StageKind.NEVER_COMPLETES, sim.clock, 0, null), "silent",
                    Duration.ZERO);
            sim.clock.advance(nanos(5));
            assertThat(pool.activeCount()).isOne();
            assertThat(f.cancel(true)).isTrue();
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.awaitAll(Duration.ofHours(1))).isTrue();
        }
    }

    @Test
    void onRealThreadsAStageThatRefusesToCompletableFutureEndsWhenItCompletes() throws Exception {
        var runtime = AsyncCallbackRuntime.defaultRuntime();
        try (var pool = AsyncCallbackPool.builder(runtime).size(1).build()) {
            var f = pool.submit(ctx -> Hostile.stage(StageKind.COMPLETES_LATER, runtime.scheduler(), nanos(5), 7),
                    "hostile", Duration.ofSeconds(30));
            AsyncCallbackResult r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(r.value()).isEqualTo(7);
            assertThat(pool.awaitAll(Duration.ofSeconds(60))).isTrue();
            assertThat(pool.activeCount()).isZero();
        }
    }
}
