package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackGuard;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

class WrapperTest {

    @Test
    void blockingCallReturnsValueAndExactExecutionTime() {
        try (var sim = new Sim()) {
            var w = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(ms(40));
                return "hello";
            }, "greet", ms(100));
            AsyncCallbackResult r = w.executeBlocking();
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(r.value()).isEqualTo("hello");
            assertThat(r.executionTime()).isEqualTo(ms(40));
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(w.isDone()).isTrue();
            assertThat(sim.events()).extracting(e -> e.type()).containsExactly(
                    EventType.SUBMITTED, EventType.STARTED, EventType.SUCCEEDED);
        }
    }

    @Test
    void asyncCallbackEndsWhenItsStageCompletes() {
        try (var sim = new Sim()) {
            AsyncCallback cb = ctx -> ctx.delay(ms(25)).thenApply(v -> 7);
            var f = new AsyncCallbackWrapper(sim.runtime, cb, "async", ms(100)).executeAsync();
            assertThat(f).isNotDone();
            sim.run();
            assertThat(f.join().value()).isEqualTo(7);
            assertThat(f.join().executionTime()).isEqualTo(ms(25));
        }
    }

    @Test
    void checkedRuntimeAndErrorsBecomeFailed() {
        try (var sim = new Sim()) {
            AsyncCallback[] bad = {
                ctx -> { throw new IOException("disk on fire"); },
                ctx -> { throw new IllegalStateException("nope"); },
                ctx -> recurse(1),
                ctx -> { throw new OutOfMemoryError("simulated"); },
                ctx -> { throw new CallbackFailure("ConnectionReset", "peer reset"); },
            };
            String[] types = {"IOException", "IllegalStateException", "StackOverflowError", "OutOfMemoryError",
                "ConnectionReset"};
            for (int i = 0; i < bad.length; i++) {
                var r = new AsyncCallbackWrapper(sim.runtime, bad[i], "bad" + i, ms(100)).executeBlocking();
                assertThat(r.status()).as(types[i]).isEqualTo(Status.FAILED);
                assertThat(r.errorType()).isEqualTo(types[i]);
            }
            assertThat(sim.events(EventType.FAILED)).hasSize(bad.length);
        }
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void timeoutFiresExactlyAtTheDeadline() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(ms(500));
                return 1;
            }, "slow", ms(100)).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
            assertThat(r.errorType()).isEqualTo("TimeoutException");
            assertThat(r.executionTime()).isEqualTo(ms(100));
            var timedOut = sim.events(EventType.TIMED_OUT).getFirst();
            assertThat(timedOut.t()).isEqualTo(nanos(100));
            assertThat(sim.events(EventType.LATE_FINISH)).isEmpty(); // the sleep honoured the interrupt
        }
    }

    @Test
    void timeoutDoesNotFireForFastWork() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(ms(99));
                return 1;
            }, "fast", ms(100)).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            sim.run();
            assertThat(sim.events(EventType.TIMED_OUT)).isEmpty();
        }
    }

    @Test
    void zeroTimeoutMeansNoLimit() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(Duration.ofHours(5));
                return 1;
            }, "patient", Duration.ZERO).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(r.executionTime()).isEqualTo(Duration.ofHours(5));
        }
    }

    @Test
    void callbackThatIgnoresItsInterruptIsRecordedAsLateFinish() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleepIgnoringInterrupt(ms(250));
                return "finally";
            }, "stubborn", ms(100)).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
            sim.run();
            var late = sim.events(EventType.LATE_FINISH);
            assertThat(late).hasSize(1);
            assertThat(late.getFirst().duration()).isEqualTo(nanos(150));
            assertThat(late.getFirst().t()).isEqualTo(nanos(250));
        }
    }

    @Test
    void cancelBeforeStartMeansTheCallbackNeverRuns() {
        try (var sim = new Sim()) {
            var ran = new AtomicBoolean();
            var w = new AsyncCallbackWrapper(sim.runtime, ctx -> ran.getAndSet(true), "never", ms(100));
            var f = w.executeAsync(); // queued on the simulation, not yet run
            assertThat(w.cancel()).isTrue();
            assertThat(w.cancel()).isFalse(); // idempotent
            sim.run();
            assertThat(ran).isFalse();
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
            assertThat(w.isCancelled()).isTrue();
        }
    }

    @Test
    void cancelDuringRunEndsAtOnceAndStopsTheWork() {
        try (var sim = new Sim()) {
            var w = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(ms(1000));
                return 1;
            }, "long", Duration.ZERO);
            CompletableFuture<AsyncCallbackResult> f = w.executeAsync();
            sim.clock.advance(nanos(30));
            assertThat(w.cancel()).isTrue();
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
            assertThat(f.join().executionTime()).isEqualTo(ms(30));
            sim.run();
            assertThat(sim.terminalsPerId()).containsValues(1L);
            assertThat(sim.events(EventType.LATE_FINISH)).isEmpty();
        }
    }

    @Test
    void cancellingTheFutureCancelsTheInvocation() {
        try (var sim = new Sim()) {
            var f = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.sleep(ms(1000));
                return 1;
            }, "long", Duration.ZERO).executeAsync();
            sim.clock.advance(nanos(10));
            f.cancel(true);
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
        }
    }

    @Test
    void guardCancelsWhatStillRunsOnClose() {
        try (var sim = new Sim()) {
            CompletableFuture<AsyncCallbackResult> f;
            try (var guard = new AsyncCallbackGuard(sim.runtime, ctx -> {
                ctx.sleep(ms(1000));
                return 1;
            }, "guarded", Duration.ZERO)) {
                f = guard.execute();
                sim.clock.advance(nanos(5));
            }
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
        }
    }

    @Test
    void guardThatFinishedHasNothingToCancel() {
        try (var sim = new Sim()) {
            AsyncCallbackResult r;
            try (var guard = new AsyncCallbackGuard(sim.runtime, ctx -> 5, "quick", ms(10))) {
                r = guard.executeBlocking();
            }
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(sim.events(EventType.CANCELLED)).isEmpty();
        }
    }

    @Test
    void negativeTimeoutIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new AsyncCallbackWrapper(() -> 1, "x", Duration.ofMillis(-1)));
    }

    @Test
    void executeBlockingOnAStageThatNeverCompletesFailsClearlyOnTheSimulatedClock() {
        try (var sim = new Sim()) {
            var w = new AsyncCallbackWrapper(sim.runtime,
                    ctx -> new CompletableFuture<>(), "silent", Duration.ZERO);
            org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(w::executeBlocking)
                    .withMessageContaining("'silent'").withMessageContaining("never completes");
            assertThat(w.cancel()).as("it can still be cancelled").isTrue();
            assertThat(sim.terminalsPerId()).containsValues(1L);
        }
    }

    @Test
    void executeBlockingOnAStageThatNeverCompletesEndsAtItsTimeoutOnTheSimulatedClock() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> new CompletableFuture<>(), "silent", ms(40))
                    .executeBlocking();
            assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
            assertThat(r.executionTime()).isEqualTo(ms(40));
        }
    }

    @Test
    void anInterruptedExecuteBlockingCancelsTheInvocationOnRealThreads() throws Exception {
        var w = new AsyncCallbackWrapper(() -> {
            Thread.sleep(60_000);
            return 1;
        }, "long", Duration.ZERO);
        var result = new java.util.concurrent.atomic.AtomicReference<AsyncCallbackResult>();
        var interrupted = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            result.set(w.executeBlocking());
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        while (w.id() == 0) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(60_000);
        assertThat(result.get().status()).isEqualTo(Status.CANCELLED);
        assertThat(interrupted).isTrue();
    }

    @Test
    void aFailureWithoutAMessageReportsAnEmptyOne() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                throw new IllegalStateException();
            }, "silent", ms(10)).executeBlocking();
            assertThat(r.errorMessage()).isEmpty();
        }
    }

    @Test
    void aLogLineIsCutTo200Characters() {
        try (var sim = new Sim()) {
            new AsyncCallbackWrapper(sim.runtime, ctx -> {
                ctx.log("y".repeat(10_000));
                return 1;
            }, "chatty", ms(10)).executeBlocking();
            assertThat(sim.events(EventType.LOG).getFirst().value()).hasSize(200);
        }
    }
}
