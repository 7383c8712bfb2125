package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

class RaceTest {

    static AsyncCallback after(long millis, Object value) {
        return ctx -> {
            ctx.sleep(ms(millis));
            return value;
        };
    }

    static AsyncCallback failAfter(long millis, String message) {
        return ctx -> {
            ctx.sleep(ms(millis));
            throw new CallbackFailure("IOException", message);
        };
    }

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

    @Test
    void hedgedStartsTheNextOnlyWhenTheFirstIsSlow() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeHedged(sim.runtime, List.of(
                    Task.call("primary", after(300, "primary"), ms(1000)),
                    Task.call("hedge-1", after(50, "hedge-1"), ms(1000)),
                    Task.call("hedge-2", after(10, "hedge-2"), ms(1000))), ms(100), Duration.ZERO);
            sim.run();
            assertThat(f.join().value()).isEqualTo("hedge-1");
            assertThat(sim.events(EventType.STARTED)).extracting(Event::name, Event::t)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("primary", 0L),
                            org.assertj.core.groups.Tuple.tuple("hedge-1", nanos(100)));
        }
    }

    @Test
    void hedgedStartsTheNextAtOnceWhenEveryStartedMemberFailed() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeHedged(sim.runtime, List.of(
                    Task.call("primary", failAfter(20, "down"), ms(1000)),
                    Task.call("backup", after(10, "backup"), ms(1000))), ms(100), Duration.ZERO);
            sim.run();
            assertThat(f.join().value()).isEqualTo("backup");
            assertThat(sim.events(EventType.STARTED).get(1).t()).isEqualTo(nanos(20));
        }
    }

    @Test
    void hedgedFastPrimaryNeverStartsTheOthers() {
        try (var sim = new Sim()) {
            AsyncCallbacks.executeHedged(sim.runtime, List.of(
                    Task.call("primary", after(20, "p"), ms(1000)),
                    Task.call("backup", after(10, "b"), ms(1000))), ms(100), Duration.ZERO);
            sim.run();
            assertThat(sim.events(EventType.SUBMITTED)).extracting(Event::name).containsExactly("primary");
        }
    }

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
    void nestedGroupsRunInAPool() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(2).build()) {
            Task tree = Task.race("outer", Duration.ZERO,
                    Task.parallel("both", Duration.ZERO,
                            Task.call("p1", after(40, 1), ms(1000)),
                            Task.call("p2", after(40, 2), ms(1000))),
                    Task.call("single", after(100, "single"), ms(1000)));
            var f = AsyncCallbacks.execute(pool, tree);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.SUCCEEDED);
            // pool of 2: p1 and p2 run, single waits; parallel wins at 40 ms, single is cancelled in the queue
            assertThat(f.join().value()).isEqualTo(List.of(1, 2));
            assertThat(sim.events(EventType.CANCELLED)).extracting(Event::name).containsExactly("single");
            assertThat(sim.events(EventType.GROUP_STARTED)).extracting(Event::value)
                    .containsExactly("race", "parallel in 1");
        }
    }
}
