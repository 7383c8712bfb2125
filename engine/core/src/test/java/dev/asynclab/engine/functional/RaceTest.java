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

/// A race: the first success wins, the losers are cancelled at once, all-failed gives the last error.
class RaceTest {

    @Test
    void raceCancelsLosersWhenFirstSucceeds() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeRace(sim.runtime, List.of(
                    Task.call("slow", after(200, "slow"), ms(1000)),
                    Task.call("fast", after(30, "fast"), ms(1000)),
                    Task.call("medium", after(80, "medium"), ms(1000))), Duration.ZERO);
            sim.run();
            assertThat(f.join().value()).isEqualTo("fast");
            var cancelled = sim.events(EventType.CANCELLED);
            assertThat(cancelled).extracting(Event::name).containsExactlyInAnyOrder("slow", "medium");
            assertThat(cancelled).allSatisfy(e -> assertThat(e.t()).isEqualTo(nanos(30)));
            assertThat(sim.events(EventType.SUCCEEDED)).hasSize(1);
        }
    }

    @Test
    void aFailureDoesNotWinTheRace() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeRace(sim.runtime, List.of(
                    Task.call("broken", failAfter(5, "boom"), ms(1000)),
                    Task.call("ok", after(50, "ok"), ms(1000))), Duration.ZERO);
            sim.run();
            assertThat(f.join().value()).isEqualTo("ok");
        }
    }

    @Test
    void allFailedGivesTheLastError() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeRace(sim.runtime, List.of(
                    Task.call("a", failAfter(10, "first"), ms(1000)),
                    Task.call("b", failAfter(30, "last"), ms(1000)),
                    Task.call("c", failAfter(20, "middle"), ms(1000))), Duration.ZERO);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.FAILED);
            assertThat(f.join().errorMessage()).isEqualTo("last");
        }
    }

    @Test
    void overallTimeoutTimesEveryMemberOut() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeRace(sim.runtime, List.of(
                    Task.call("a", after(500, "a"), ms(1000)),
                    Task.call("b", after(700, "b"), ms(1000))), ms(100));
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.TIMED_OUT);
            assertThat(sim.events(EventType.TIMED_OUT)).hasSize(2)
                    .allSatisfy(e -> assertThat(e.t()).isEqualTo(nanos(100)));
        }
    }

    @Test
    void emptyRaceFailsClearly() {
        try (var sim = new Sim()) {
            var r = AsyncCallbacks.executeRace(sim.runtime, List.of(), Duration.ZERO).join();
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorMessage()).contains("at least one");
        }
    }
}
