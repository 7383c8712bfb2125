package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.asynclab.engine.Sim.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/// The public API's Javadoc sentences, each held by a check an outside user would make: the defaults it names,
/// what a method "returns", what it does "once" or "never", and what comes of a null. Every case here was read
/// off the Javadoc of `AsyncCallbackWrapper`, `AsyncCallbackGuard`, `AsyncCallbackPool`, `AsyncCallbacks`,
/// `AsyncCallbackResult` and `AsyncCallback.Context`; the lines each one holds are quoted beside it.
class ApiJavadocContractTest {

    @Test
    void aWrapperWithoutANameOrTimeoutIsLabelledCallbackAndTimesOutAtThirtySeconds() {
        // "`name` (null: "callback") labels its events; `timeout` ... null: the default 30 s"
        try (var sim = new Sim()) {
            var w = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(Duration.ofSeconds(31));
                return "late";
            }, null, null);
            AsyncCallbackResult r = w.executeBlocking();
            assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
            assertThat(r.executionTime()).isEqualTo(AsyncCallbackRuntime.DEFAULT_TIMEOUT)
                    .isEqualTo(Duration.ofSeconds(30));
            assertThat(r.errorType()).isEqualTo("TimeoutException");
            assertThat(sim.events()).extracting(Event::name).containsOnly("callback");
        }
    }

    @Test
    void executeAsyncIsOnceAndCancelBeforeItSaysTrueOnlyOnce() {
        // "calling `executeAsync()` again returns the same future. Cancelled before that, it never runs."
        // "Cancels the invocation; true if this call cancelled it." "id ... 0 before the first execute."
        try (var sim = new Sim()) {
            var runs = new AtomicInteger();
            var w = new AsyncCallbackWrapper(sim.runtime, ctx -> runs.incrementAndGet(), "once", ms(100));
            assertThat(w.id()).isZero();
            assertThat(w.isDone()).isFalse();
            assertThat(w.cancel()).isTrue();
            assertThat(w.cancel()).isFalse();
            assertThat(w.isCancelled()).isTrue();
            assertThat(w.isDone()).as("cancelled before its first execute: will never run").isTrue();
            CompletableFuture<AsyncCallbackResult> f = w.executeAsync();
            assertThat(w.executeAsync()).isSameAs(f);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
            assertThat(runs).hasValue(0);
            assertThat(w.id()).isPositive();

            var ran = new AsyncCallbackWrapper(sim.runtime, ctx -> runs.incrementAndGet(), "twice", ms(100));
            CompletableFuture<AsyncCallbackResult> first = ran.executeAsync();
            assertThat(ran.executeAsync()).isSameAs(first);
            assertThat(ran.executeBlocking().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(runs).as("executed three times, run once").hasValue(1);
            assertThat(ran.cancel()).as("nothing left to cancel").isFalse();
            assertThat(ran.isCancelled()).isFalse();
        }
    }

    @Test
    void aGuardClosedTwiceIsStillOneCancel() {
        // "Cancels the callback if it has not ended. ... Idempotent." and isDone: "or the guard was closed before
        // it ever started"
        try (var sim = new Sim()) {
            var guard = new AsyncCallbackGuard(sim.runtime, ctx -> {
                ctx.sleep(ms(50));
                return "x";
            }, "g", ms(100));
            guard.close();
            guard.close();
            assertThat(guard.isDone()).isTrue();
            assertThat(guard.executeBlocking().status()).isEqualTo(Status.CANCELLED);
            assertThat(sim.events(EventType.STARTED)).isEmpty();
            assertThat(sim.terminalsPerId()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        }
    }

    @Test
    void aPoolsJavadocExampleCompletesEveryCallAndAClosedPoolRejects() throws Exception {
        // The class example: 200 submissions on 4 workers, `completedCount()` 200 after `awaitAll`.
        try (var sim = new Sim()) {
            var pool = AsyncCallbackPool.builder(sim.runtime).size(4).queueCapacity(200).build();
            for (int i = 0; i < 200; i++) {
                pool.submit(ctx -> {
                    ctx.sleep(ms(50));
                    return "ok";
                }, "fetch", Duration.ofSeconds(1));
            }
            assertThat(pool.awaitAll(Duration.ofSeconds(10))).isTrue();
            assertThat(pool.completedCount()).isEqualTo(200);
            assertThat(sim.clock.nanoTime()).as("50 rounds of 4 calls of 50 ms").isEqualTo(Sim.nanos(2_500));
            // close: "Rejects new submissions ... Idempotent." submit: "REJECTED when ... the pool is closed"
            pool.close();
            pool.close();
            AsyncCallbackResult late = pool.submit(ctx -> "x", "after-close").join();
            assertThat(late.status()).isEqualTo(Status.REJECTED);
            assertThat(late.errorType()).isEqualTo("RejectedExecutionException");
        }
    }

    @Test
    void aQueueOfCapacityZeroRejectsWhatCannotStartAtOnce() {
        // "the rest wait in a FIFO queue of bounded capacity (unbounded when negative); past it, `REJECTED`."
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).queueCapacity(0).build()) {
            var running = pool.submit(ctx -> {
                ctx.sleep(ms(10));
                return 1;
            }, "a", ms(100));
            var refused = pool.submit(ctx -> 2, "b", ms(100));
            sim.run();
            assertThat(running.join().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(refused.join().status()).isEqualTo(Status.REJECTED);
            assertThat(pool.queueCapacity()).isZero();
        }
    }

    @Test
    void cancelAllCountsOnlyWhatThisCallCancelledAndAwaitAllOfZeroDoesNotWait() throws Exception {
        // cancelAll: "returns how many this call cancelled"; awaitAll: "Zero or negative: no waiting, only what is
        // due now" (on the simulated clock: no simulated time passes).
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(2).build()) {
            for (int i = 0; i < 5; i++) {
                pool.submit(ctx -> {
                    ctx.sleep(ms(100));
                    return 1;
                }, "c", ms(500));
            }
            assertThat(pool.awaitAll(Duration.ZERO)).isFalse();
            assertThat(pool.awaitAll(ms(-5))).isFalse();
            assertThat(sim.clock.nanoTime()).isZero();
            assertThat(pool.cancelAll()).isEqualTo(5);
            assertThat(pool.cancelAll()).isZero();
            assertThat(pool.awaitAll(Duration.ofSeconds(1))).isTrue();
            assertThat(sim.events(EventType.CANCELLED)).hasSize(5);
        }
    }

    @Test
    void retryWithANullPolicyTriesOnceAndAnEmptyRaceSaysWhyItFailed() {
        // executeWithRetry: "once when `policy` is null"; executeRace: "an empty list gives a FAILED result saying
        // so"; executeParallel: "An empty list gives an empty list."
        try (var sim = new Sim()) {
            var tries = new AtomicInteger();
            var r = AsyncCallbacks.executeWithRetry(sim.runtime, ctx -> {
                tries.incrementAndGet();
                throw new java.io.IOException("down");
            }, "once", ms(100), null);
            sim.run();
            assertThat(r.join().status()).isEqualTo(Status.FAILED);
            assertThat(r.join().attempt()).isEqualTo(1);
            assertThat(tries).hasValue(1);

            var race = AsyncCallbacks.executeRace(sim.runtime, List.of(), ms(100));
            var parallel = AsyncCallbacks.executeParallel(sim.runtime, List.of(), ms(100));
            sim.run();
            assertThat(race.join().status()).isEqualTo(Status.FAILED);
            assertThat(race.join().errorMessage()).isNotBlank();
            assertThat(parallel.join()).isEmpty();
        }
    }

    @Test
    void whenEndedRefusesANullActionAndRunsOnceAfterTheEnd() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("fetch", ctx -> "ok", Duration.ofSeconds(1)));
            assertThatNullPointerException().isThrownBy(() -> AsyncCallbacks.whenEnded(f, null));
            var seen = new java.util.ArrayList<Status>();
            AsyncCallbacks.whenEnded(f, (result, error) -> seen.add(result.status()));
            sim.run();
            assertThat(seen).containsExactly(Status.SUCCEEDED);
            AsyncCallbacks.whenEnded(f, (result, error) -> seen.add(result.status()));
            assertThat(seen).as("registered after the end: runs at once").hasSize(2);
        }
    }

    @Test
    void aResultsValueCastIsCheckedAndErrorsOfEveryKindBecomeFailed() {
        // value(type): "throws `ClassCastException` if it is something else"; the boundary: "`Error`s included"
        try (var sim = new Sim()) {
            AsyncCallbackResult r = new AsyncCallbackWrapper(sim.runtime, ctx -> 42, "answer", ms(10))
                    .executeBlocking();
            assertThat(r.value(Integer.class)).isEqualTo(42);
            assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> r.value(String.class));

            AsyncCallbackResult error = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                throw new AssertionError("boom");
            }, "err", ms(10)).executeBlocking();
            assertThat(error.status()).isEqualTo(Status.FAILED);
            assertThat(error.errorType()).isEqualTo("AssertionError");
            assertThat(error.errorMessage()).isEqualTo("boom");
            assertThat(error.isSuccess()).isFalse();
            assertThat(error.fallbackUsed()).isFalse();
        }
    }

    @Test
    void aContextsLogIsCutTo200CharactersAndRandomIsSeededByRuntimeIdAndAttempt() {
        // log: "the text cut to 200 characters"; random: "seeded from the runtime's seed, the id and the attempt"
        double[] draws = new double[2];
        for (int run = 0; run < 2; run++) {
            try (var sim = new Sim(7)) {
                int i = run;
                new AsyncCallbackWrapper(sim.runtime, ctx -> {
                    ctx.log("x".repeat(500));
                    draws[i] = ctx.random();
                    return null;
                }, "logger", ms(10)).executeBlocking();
                Event log = sim.events(EventType.LOG).getFirst();
                assertThat(log.value()).hasSize(Event.MAX_VALUE_TEXT).endsWith("…");
            }
        }
        assertThat(draws[0]).isEqualTo(draws[1]).isBetween(0.0, 1.0).isLessThan(1.0);
    }

    @Test
    void onCancelRunsAtOnceWhenTheInvocationHasAlreadyStopped() {
        // onCancel: "or at once if that has already happened"
        try (var sim = new Sim()) {
            var ran = new AtomicInteger();
            var w = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleepIgnoringInterrupt(ms(50));   // runs past its 10 ms timeout
                ctx.onCancel(ran::incrementAndGet);
                return "late";
            }, "late", ms(10));
            assertThat(w.executeBlocking().status()).isEqualTo(Status.TIMED_OUT);
            sim.run();
            assertThat(ran).hasValue(1);
            assertThat(sim.events(EventType.LATE_FINISH)).hasSize(1);
        }
    }

    @Test
    void lanesAreT0OutsideAPoolAndLabelPlusWnInOne() {
        // Builder.label: "Lanes are named `label + "w" + n`"; StandaloneLauncher: lanes "t0", "t1", ... reused
        // (docs/audit-log.md's `worker` field says the same).
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(2).label("db-").build()) {
            for (int i = 0; i < 3; i++) {
                AsyncCallbacks.execute(sim.runtime, Task.call("alone", ctx -> {
                    ctx.sleep(ms(10));
                    return 1;
                }, ms(100)));
                pool.submit(ctx -> {
                    ctx.sleep(ms(10));
                    return 1;
                }, "pooled", ms(100));
            }
            sim.run();
            assertThat(sim.events(EventType.STARTED)).filteredOn(e -> e.name().equals("alone"))
                    .extracting(Event::worker).containsExactlyInAnyOrder("t0", "t1", "t2");
            assertThat(sim.events(EventType.STARTED)).filteredOn(e -> e.name().equals("pooled"))
                    .extracting(Event::worker).containsOnly("db-w0", "db-w1");
            new AsyncCallbackWrapper(sim.runtime, ctx -> 1, "later", ms(10)).executeBlocking();
            assertThat(sim.events(EventType.STARTED).getLast().worker()).as("a free lane is reused").isEqualTo("t0");
        }
    }
}
