package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static dev.asynclab.engine.functional.TestCallbacks.after;
import static dev.asynclab.engine.functional.TestCallbacks.failAfter;
import static org.assertj.core.api.Assertions.assertThat;

/// A timeout names the limit that fired and who set it, and no timer outlives the run's last invocation.
class GroupTimeoutTest {

    @Test
    void aParallelGroupTimeoutNamesItsLimitNotTheMembersOwn() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.parallel("page-load", ms(200),
                    Task.call("header", after(20, "h"), ms(10_000)),
                    Task.call("ads", after(500, "a"), ms(10_000))));
            sim.run();
            var r = f.join();
            assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
            assertThat(r.errorMessage()).isEqualTo("group timeout 200 ms (parallel 'page-load')");
            assertThat(sim.events(EventType.TIMED_OUT)).extracting(Event::name, Event::errorMessage)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ads",
                            "group timeout 200 ms (parallel 'page-load')"));
        }
    }

    @Test
    void aRaceTimeoutNamesItsLimitInTheResultAndEveryMember() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeRace(sim.runtime, List.of(
                    Task.call("a", after(500, "a"), ms(10_000)),
                    Task.call("b", after(700, "b"), ms(10_000))), ms(200));
            sim.run();
            assertThat(f.join().errorMessage()).isEqualTo("group timeout 200 ms (race 'race')");
            assertThat(sim.events(EventType.TIMED_OUT)).hasSize(2)
                    .allSatisfy(e -> assertThat(e.errorMessage()).isEqualTo("group timeout 200 ms (race 'race')"));
        }
    }

    @Test
    void anOuterGroupTimeoutReachesNestedMembersWithItsOwnName() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.parallel("page", ms(100),
                    Task.race("body", Duration.ZERO,
                            Task.call("db", after(400, "db"), ms(10_000)),
                            Task.call("cache", failAfter(5, "miss"), ms(10_000)))));
            sim.run();
            assertThat(f.join().errorMessage()).isEqualTo("group timeout 100 ms (parallel 'page')");
            assertThat(sim.events(EventType.TIMED_OUT)).extracting(Event::name).containsExactly("db");
        }
    }

    @Test
    void anAttemptCutShortByARetryDeadlineNamesTheDeadline() {
        try (var sim = new Sim()) {
            var policy = RetryPolicy.builder().maxAttempts(10).delay(ms(20)).deadline(ms(250)).build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, failAfter(100, "down"), "fetch", ms(1000), policy);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.TIMED_OUT);
            assertThat(f.join().errorMessage()).isEqualTo("retry deadline 250 ms (retry 'fetch')");
        }
    }

    @Test
    void aMembersOwnTimeoutStillNamesItsOwnLimit() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeParallel(sim.runtime, List.of(
                    Task.call("slow", after(500, "s"), ms(50))), ms(1000));
            sim.run();
            assertThat(f.join().getFirst().errorMessage()).isEqualTo("timed out after 50 ms");
        }
    }

    @Test
    void noTimerOutlivesTheLastInvocationOfAGroupThatTimedOut() throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(4).build()) {
            AsyncCallbacks.execute(pool, Task.parallel("page-load", ms(100),
                    Task.call("header", after(20, "h"), Duration.ofSeconds(30)),
                    Task.race("body", Duration.ZERO,
                            Task.call("body-cache", after(30, "c"), Duration.ofSeconds(30)),
                            Task.call("body-db", after(60, "d"), Duration.ofSeconds(30))),
                    Task.call("ads", after(150, "a"), Duration.ofSeconds(30))));
            sim.run();
            long lastEvent = sim.events().getLast().t();
            assertThat(lastEvent).isEqualTo(nanos(100));
            assertThat(sim.clock.nanoTime()).as("the clock stops at the last event, not at a 30 s member timeout")
                    .isEqualTo(nanos(100));
        }
    }
}
