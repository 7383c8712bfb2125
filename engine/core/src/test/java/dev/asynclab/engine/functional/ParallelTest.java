package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.functional.TestCallbacks.after;
import static dev.asynclab.engine.functional.TestCallbacks.failAfter;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

/// Parallel: every member at once, every result in order, one overall timeout, one cancel for all.
class ParallelTest {

    @Test
    void parallelGivesEveryResultInOrder() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeParallel(sim.runtime, List.of(
                    Task.call("a", after(30, "A"), ms(1000)),
                    Task.call("b", failAfter(10, "B broke"), ms(1000)),
                    Task.call("c", after(20, "C"), ms(1000))), Duration.ZERO);
            sim.run();
            var results = f.join();
            assertThat(results).extracting(r -> r.status())
                    .containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
            assertThat(results.get(0).value()).isEqualTo("A");
            assertThat(results.get(1).errorMessage()).isEqualTo("B broke");
        }
    }

    @Test
    void parallelOverallTimeoutExpiresTheSlowOnes() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeParallel(sim.runtime, List.of(
                    Task.call("quick", after(30, "q"), ms(1000)),
                    Task.call("slow", after(300, "s"), ms(1000))), ms(100));
            sim.run();
            assertThat(f.join()).extracting(r -> r.status()).containsExactly(Status.SUCCEEDED, Status.TIMED_OUT);
        }
    }

    @Test
    void cancellingTheFutureOfExecuteParallelCancelsEveryMember() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeParallel(sim.runtime, List.of(
                    Task.call("quick", after(10, "q"), ms(1000)),
                    Task.call("slow", after(300, "s"), ms(1000)),
                    Task.call("slower", after(500, "s"), ms(1000))), Duration.ZERO);
            sim.clock.advance(nanos(50));
            assertThat(f.cancel(true)).isTrue();
            assertThat(f).isDone();
            assertThat(f.join()).extracting(r -> r.status())
                    .containsExactly(Status.SUCCEEDED, Status.CANCELLED, Status.CANCELLED);
            sim.run();
            assertThat(sim.events(EventType.CANCELLED)).extracting(Event::name).containsExactly("slow", "slower")
                    .hasSize(2);
            assertThat(sim.events(EventType.SUCCEEDED)).extracting(Event::name).containsExactly("quick");
            assertThat(sim.clock.nanoTime()).as("nothing ran on after the cancel").isEqualTo(nanos(50));
        }
    }

    @Test
    void cancellingTheFutureOfExecuteParallelCancelsEveryMemberOnRealThreads() throws Exception {
        var stopped = new java.util.concurrent.CountDownLatch(2);
        AsyncCallback blocking = ctx -> {
            try {
                Thread.sleep(60_000);
                return "never";
            } catch (InterruptedException e) {
                stopped.countDown();
                throw e;
            }
        };
        var started = new java.util.concurrent.CountDownLatch(2);
        AsyncCallback counted = ctx -> {
            started.countDown();
            return blocking.call(ctx);
        };
        var f = AsyncCallbacks.executeParallel(dev.asynclab.engine.AsyncCallbackRuntime.defaultRuntime(), List.of(
                Task.call("a", counted, Duration.ZERO), Task.call("b", counted, Duration.ZERO)), Duration.ZERO);
        assertThat(started.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(f.cancel(true)).isTrue();
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).extracting(r -> r.status())
                .containsOnly(Status.CANCELLED);
        assertThat(stopped.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("both workers interrupted").isTrue();
    }

    @Test
    void anEmptyParallelGivesAnEmptyList() {
        try (var sim = new Sim()) {
            assertThat(AsyncCallbacks.executeParallel(sim.runtime, List.of(), Duration.ZERO).join()).isEmpty();
        }
    }
}
