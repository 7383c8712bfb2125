package dev.asynclab.engine.properties;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.properties.Plans.Plan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

/// The engine's contract over generated workloads on the simulated clock: hostile throwables and stages, random
/// outcomes, timeouts and cancel moments. Every submitted invocation ends exactly once; its caller hears back by
/// its deadline; the pool's counters equal the log; no slot is ever lost; no timer outlives the last invocation.
class EngineInvariantProperties {

    @Provide
    Arbitrary<List<Plan>> workloads() {
        return Plans.plans(300).list().ofMinSize(1).ofMaxSize(12);
    }

    /// Group members: a member whose stage never completes gets a timeout, so every group can end.
    @Provide
    Arbitrary<List<Plan>> members() {
        return Plans.plans(0).map(p -> p.mayNeverEnd() && p.timeoutMs() == 0
                ? new Plan(p.kind(), p.hostile(), p.stage(), p.workMs(), 100, p.cancelAfterMs(), 0) : p)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Long> groupTimeouts() {
        return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 300));
    }

    @Provide
    Arbitrary<Long> cancelMoments() {
        return Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.longs().between(0, 400));
    }

    enum GroupKind { PARALLEL, RACE, HEDGED }

    @Property(tries = 150,
            generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.MIXIN)
    void inAPoolEveryInvocationEndsOnceByItsDeadlineTheCountersMatchTheLogAndNoSlotIsLost(
            @ForAll("workloads") List<Plan> plans, @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = -1, max = 5) int queueCapacity) throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(size)
                .queueCapacity(queueCapacity).build()) {
            int n = plans.size();
            List<CompletableFuture<AsyncCallbackResult>> futures = new ArrayList<>(Collections.nCopies(n, null));
            for (int i = 0; i < n; i++) {
                Plan p = plans.get(i);
                int index = i;
                sim.clock.schedule(() -> {
                    var f = pool.submit(p.callback(sim.clock), "p" + index, p.timeout());
                    futures.set(index, f);
                    if (p.cancels()) {
                        sim.clock.schedule(() -> f.cancel(true), nanos(p.cancelAfterMs()));
                    }
                }, nanos(p.submitAt()));
            }
            sim.run();

            var log = Lifecycles.of(sim.events());
            assertThat(log.submitted()).as("every plan was submitted once").hasSize(n);
            log.assertAtMostOneTerminalEach();
            for (int i = 0; i < n; i++) {
                Plan p = plans.get(i);
                var life = log.byName("p" + i);
                assertThat(futures.get(i).isDone()).as("the caller of p%d hears back when it ends", i)
                        .isEqualTo(life.terminal() != null);
                if (life.started() != null && p.timeoutMs() > 0) {
                    assertThat(life.terminal()).as("p%d timed %s", i, p).isNotNull();
                    assertThat(life.terminal().t()).isLessThanOrEqualTo(life.started().t() + nanos(p.timeoutMs()));
                }
                if (p.cancels()) {
                    assertThat(life.terminal()).as("p%d cancelled %s", i, p).isNotNull();
                    assertThat(life.terminal().t()).isLessThanOrEqualTo(nanos(p.submitAt() + p.cancelAfterMs()));
                }
            }
            assertThat(pool.completedCount()).as("completed = terminal events").isEqualTo(log.terminals());
            assertThat(pool.queuedCount()).as("queued = queued and not yet started or ended")
                    .isEqualTo(log.waiting());
            assertThat(pool.activeCount()).isBetween(0, size);

            // Whatever still hangs (a stage that never completes, without timeout) ends when cancelled.
            pool.cancelAll();
            sim.run();
            assertThat(futures).allMatch(CompletableFuture::isDone);
            var after = Lifecycles.of(sim.events());
            after.assertExactlyOneTerminalEach();
            assertThat(pool.awaitAll(Duration.ofHours(1))).isTrue();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.queuedCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(n);

            // No slot was lost: `size` new callbacks all start at once.
            long now = sim.clock.nanoTime();
            for (int i = 0; i < size; i++) {
                pool.submit(ctx -> {
                    ctx.sleep(ms(1));
                    return "fresh";
                }, "fresh", ms(10));
            }
            sim.run();
            assertThat(sim.events(e -> e.type() == EventType.STARTED && e.name().equals("fresh")))
                    .hasSize(size).allSatisfy(e -> assertThat(e.t()).isEqualTo(now));
        }
    }

    @Property(tries = 150,
            generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.MIXIN)
    void aGroupEndsByItsDeadlineEveryMemberEndsOnceAndNoTimerOutlivesIt(
            @ForAll("members") List<Plan> members, @ForAll GroupKind kind, @ForAll("groupTimeouts") long timeoutMs,
            @ForAll("cancelMoments") long cancelAtMs, @ForAll boolean inPool,
            @ForAll @IntRange(min = 1, max = 3) int poolSize) throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(poolSize).build()) {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Plan p = members.get(i);
                tasks.add(Task.call("m" + i, p.callback(sim.clock), p.timeout()));
            }
            Duration timeout = Duration.ofMillis(timeoutMs);
            Task group = switch (kind) {
                case PARALLEL -> new Task.Parallel("group", tasks, timeout);
                case RACE -> new Task.Race("group", tasks, timeout);
                case HEDGED -> new Task.Hedged("group", tasks, ms(20), timeout);
            };
            var f = inPool ? AsyncCallbacks.execute(pool, group) : AsyncCallbacks.execute(sim.runtime, group);
            if (cancelAtMs >= 0) {
                var cancel = sim.clock.schedule(() -> f.cancel(true), nanos(cancelAtMs));
                f.whenComplete((r, e) -> cancel.cancel());
            }
            sim.run();

            assertThat(f).as("the group's caller hears back").isDone();
            var log = Lifecycles.of(sim.events());
            log.assertExactlyOneTerminalEach();
            long deadline = Math.min(timeoutMs > 0 ? nanos(timeoutMs) : Long.MAX_VALUE,
                    cancelAtMs >= 0 ? nanos(cancelAtMs) : Long.MAX_VALUE);
            Event finished = sim.events(EventType.GROUP_FINISHED).getLast(); // the outermost group ends last
            assertThat(finished.t()).as("the group ends by its deadline").isLessThanOrEqualTo(deadline);
            assertThat(sim.clock.nanoTime()).as("no timer outlives the last event")
                    .isEqualTo(sim.events().getLast().t());
            if (inPool) {
                assertThat(pool.awaitAll(Duration.ofHours(1))).isTrue();
                assertThat(pool.activeCount()).isZero();
                assertThat(pool.completedCount()).isEqualTo(log.terminals());
            }
        }
    }

    /// Each invocation's events, folded from the log.
    record Lifecycles(Map<Long, Life> byId, Map<String, Life> byName) {

        record Life(Event submitted, Event queued, Event started, Event terminal, int terminals) {
        }

        static Lifecycles of(List<Event> events) {
            Map<Long, Life> byId = new HashMap<>();
            Map<String, Life> byName = new HashMap<>();
            for (Event e : events) {
                if (e.id() == 0) {
                    continue;
                }
                Life l = byId.getOrDefault(e.id(), new Life(null, null, null, null, 0));
                l = switch (e.type()) {
                    case SUBMITTED -> new Life(e, l.queued(), l.started(), l.terminal(), l.terminals());
                    case QUEUED -> new Life(l.submitted(), e, l.started(), l.terminal(), l.terminals());
                    case STARTED -> new Life(l.submitted(), l.queued(), e, l.terminal(), l.terminals());
                    case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED ->
                            new Life(l.submitted(), l.queued(), l.started(), l.terminal() == null ? e : l.terminal(),
                                    l.terminals() + 1);
                    case LATE_FINISH -> {
                        assertThat(l.terminal()).as("LATE_FINISH follows its terminal event").isNotNull();
                        yield l;
                    }
                    default -> l;
                };
                byId.put(e.id(), l);
                byName.put(e.name(), l);
            }
            return new Lifecycles(byId, byName);
        }

        List<Life> submitted() {
            return byId.values().stream().filter(l -> l.submitted() != null).toList();
        }

        Life byName(String name) {
            return byName.get(name);
        }

        long terminals() {
            return byId.values().stream().mapToInt(Life::terminals).sum();
        }

        int waiting() {
            return (int) byId.values().stream()
                    .filter(l -> l.queued() != null && l.started() == null && l.terminal() == null).count();
        }

        void assertAtMostOneTerminalEach() {
            assertThat(byId.values()).allSatisfy(l -> {
                assertThat(l.submitted()).as("no terminal event without SUBMITTED").isNotNull();
                assertThat(l.terminals()).isLessThanOrEqualTo(1);
            });
        }

        void assertExactlyOneTerminalEach() {
            assertThat(byId.values()).allSatisfy(l -> {
                assertThat(l.submitted()).isNotNull();
                assertThat(l.terminals()).as("exactly one terminal event").isEqualTo(1);
            });
        }
    }
}
