package dev.asynclab.engine.policy;

import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CircuitBreaker;
import dev.asynclab.engine.Fallback;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.policy.Calls.failingAfter;
import static dev.asynclab.engine.policy.Calls.okAfter;
import static org.assertj.core.api.Assertions.assertThat;

class FallbackTest {

    @Test
    void aFailureAfterEveryRetryIsReplacedAndTheResultSaysWhatItReplaced() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("price", failingAfter(10), ms(50))
                    .withRetry(RetryPolicy.builder().maxAttempts(2).delay(ms(5)).build())
                    .withFallback(Fallback.value("cached price")));
            sim.run();
            var r = f.join();
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(r.value()).isEqualTo("cached price");
            assertThat(r.fallbackUsed()).isTrue();
            assertThat(r.replaced().status()).isEqualTo(Status.FAILED);
            assertThat(r.replaced().errorMessage()).isEqualTo("connection refused");
            assertThat(r.attempt()).isEqualTo(2);
            var used = sim.events(EventType.FALLBACK_USED);
            assertThat(used).extracting(Event::value, Event::errorType, Event::t)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cached price", "IOException", Sim.nanos(25)));
            assertThat(sim.events(EventType.STARTED)).hasSize(2); // the fallback waited for every retry
        }
    }

    @Test
    void aTimeoutCanBeReplacedByAValueMadeFromIt() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("user", okAfter(100), ms(30))
                    .withFallback(Fallback.of(failed -> "guest (" + failed.errorType() + ")")));
            sim.run();
            assertThat(f.join().value()).isEqualTo("guest (TimeoutException)");
            assertThat(f.join().replaced().status()).isEqualTo(Status.TIMED_OUT);
        }
    }

    @Test
    void aCancelledCallStaysCancelledAndAnUnhandledStatusIsLeftAlone() {
        try (var sim = new Sim()) {
            var cancelled = AsyncCallbacks.execute(sim.runtime, Task.call("user", okAfter(100), ms(300))
                    .withFallback(Fallback.value("guest")));
            sim.clock.schedule(() -> cancelled.cancel(true), Sim.nanos(10));
            var timedOut = AsyncCallbacks.execute(sim.runtime, Task.call("user", okAfter(100), ms(30))
                    .withFallback(Fallback.value("guest").on(Status.FAILED)));
            sim.run();
            assertThat(cancelled.join().status()).isEqualTo(Status.CANCELLED);
            assertThat(timedOut.join().status()).isEqualTo(Status.TIMED_OUT);
            assertThat(timedOut.join().fallbackUsed()).isFalse();
            assertThat(sim.events(EventType.FALLBACK_USED)).isEmpty();
        }
    }

    @Test
    void aFallbackThatThrowsGivesItsOwnFailure() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("user", failingAfter(1), ms(30))
                    .withFallback(Fallback.of(failed -> {
                        throw new IllegalStateException("no cache either");
                    })));
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.FAILED);
            assertThat(f.join().errorType()).isEqualTo("IllegalStateException");
            assertThat(f.join().replaced().errorType()).isEqualTo("IOException");
        }
    }

    @Test
    void aCallRefusedByAnOpenBreakerGetsTheFallback() {
        try (var sim = new Sim()) {
            var b = CircuitBreaker.builder("db").runtime(sim.runtime).countWindow(1).minimumCalls(1)
                    .waitInOpenState(ms(1_000)).build();
            var first = AsyncCallbacks.execute(sim.runtime, Task.call("q", failingAfter(1), ms(30))
                    .withCircuitBreaker(b).withFallback(Fallback.value("-")));
            sim.run();
            var second = AsyncCallbacks.execute(sim.runtime, Task.call("q", failingAfter(1), ms(30))
                    .withCircuitBreaker(b).withFallback(Fallback.value("-")));
            sim.run();
            assertThat(first.join().replaced().status()).isEqualTo(Status.FAILED);
            assertThat(second.join().replaced().status()).isEqualTo(Status.REJECTED);
            assertThat(second.join().value()).isEqualTo("-");
        }
    }
}
