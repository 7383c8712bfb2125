package dev.asynclab.engine.policy;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.Bulkhead;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.CircuitBreaker;
import dev.asynclab.engine.Fallback;
import dev.asynclab.engine.FaultInjection;
import dev.asynclab.engine.RateLimiter;
import dev.asynclab.engine.RetryBudget;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.asynclab.engine.Sim.ms;
import static org.assertj.core.api.Assertions.assertThat;

/// Rules that hold for any workload, checked over many generated ones on the simulated clock.
class PolicyProperties {

    @Property(tries = 60)
    void everyInvocationEndsExactlyOnceWhateverThePoliciesDo(
            @ForAll @IntRange(min = 1, max = 60) int calls,
            @ForAll @DoubleRange(min = 0, max = 1) double failRate,
            @ForAll @IntRange(min = 1, max = 4) int attempts,
            @ForAll @IntRange(min = 1, max = 6) int poolSize,
            @ForAll boolean breaker, @ForAll boolean limiter, @ForAll boolean bulkhead, @ForAll boolean budget,
            @ForAll boolean fallback, @ForAll long seed) throws Exception {
        try (var sim = new Sim(seed); var pool = AsyncCallbackPool.builder(sim.runtime).size(poolSize).queueCapacity(20).build()) {
            var policies = Task.Policies.NONE
                    .withCircuitBreaker(breaker ? CircuitBreaker.builder("b").runtime(sim.runtime).countWindow(5)
                            .minimumCalls(3).waitInOpenState(ms(30)).halfOpenCalls(2).build() : null)
                    .withRateLimiter(limiter ? RateLimiter.builder("l").runtime(sim.runtime)
                            .limit(50, Duration.ofSeconds(1)).burst(3).maxWait(ms(40)).build() : null)
                    .withBulkhead(bulkhead ? Bulkhead.of("h", 3) : null)
                    .withRetryBudget(budget ? RetryBudget.builder("r").runtime(sim.runtime).ratio(0.3).build() : null)
                    .withFallback(fallback ? Fallback.value("fb") : null)
                    .withFaults(List.of(FaultInjection.failure(failRate, "IOException", "injected"),
                            FaultInjection.latency(failRate / 2, ms(30))));
            var retry = RetryPolicy.builder().maxAttempts(attempts).delay(ms(3)).build();
            var fs = Calls.futures();
            var random = new java.util.SplittableRandom(seed);
            for (int i = 0; i < calls; i++) {
                var task = Task.call("c", Calls.okAfter(random.nextInt(1, 20)), ms(25)).withRetry(retry)
                        .withPolicies(policies);
                sim.clock.schedule(() -> fs.add(AsyncCallbacks.execute(pool, task)), Sim.nanos(random.nextInt(0, 200)));
                if (random.nextInt(10) == 0) { // now and then a caller gives up
                    int index = i;
                    sim.clock.schedule(() -> {
                        if (index < fs.size()) {
                            fs.get(index).cancel(true);
                        }
                    }, Sim.nanos(random.nextInt(0, 300)));
                }
            }
            sim.run();
            assertThat(fs).hasSize(calls).allMatch(java.util.concurrent.CompletableFuture::isDone);
            List<Event> events = sim.events();
            Map<Long, Long> terminals = sim.terminalsPerId();
            List<Long> submitted = events.stream().filter(e -> e.type() == EventType.SUBMITTED).map(Event::id)
                    .toList();
            assertThat(terminals.keySet()).containsExactlyInAnyOrderElementsOf(submitted);
            assertThat(terminals.values()).containsOnly(1L);
        }
    }

    @Property(tries = 100)
    void aRateLimiterNeverLetsMoreThroughThanItsBurstPlusItsRate(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 500) Integer> arrivalsMs,
            @ForAll @IntRange(min = 1, max = 50) int perSecond,
            @ForAll @IntRange(min = 1, max = 5) int burst,
            @ForAll @IntRange(min = 0, max = 300) int maxWaitMs) {
        try (var sim = new Sim()) {
            var limiter = RateLimiter.builder("l").runtime(sim.runtime).limit(perSecond, Duration.ofSeconds(1))
                    .burst(burst).maxWait(ms(maxWaitMs)).build();
            var fs = Calls.futures();
            for (int at : arrivalsMs) {
                Calls.at(sim, at, Task.call("c", Calls.okAfter(1), ms(50)).withRateLimiter(limiter), fs);
            }
            sim.run();
            long interval = 1_000_000_000L / perSecond;
            List<Long> starts = sim.events(EventType.STARTED).stream().map(Event::t).sorted().toList();
            for (int i = 0; i < starts.size(); i++) {
                for (int j = i; j < starts.size(); j++) {
                    long admitted = j - i + 1;
                    assertThat(admitted).isLessThanOrEqualTo(burst + (starts.get(j) - starts.get(i)) / interval);
                }
            }
            // nobody waited longer than allowed, and everyone was either started or refused
            assertThat(sim.events(EventType.RATE_LIMITED)).allMatch(e -> e.duration() <= Sim.nanos(maxWaitMs));
            assertThat(starts.size() + sim.events(EventType.REJECTED).size()).isEqualTo(arrivalsMs.size());
        }
    }

    @Property(tries = 100)
    void aRetryBudgetNeverAllowsMoreRetriesThanItsShareOfCalls(
            @ForAll @IntRange(min = 1, max = 100) int calls,
            @ForAll @IntRange(min = 1, max = 6) int attempts,
            @ForAll @DoubleRange(min = 0, max = 2) double ratio,
            @ForAll @IntRange(min = 0, max = 5) int minPerSecond) {
        try (var sim = new Sim()) {
            var budget = RetryBudget.builder("r").runtime(sim.runtime).ratio(ratio).minPerSecond(minPerSecond)
                    .window(Duration.ofSeconds(10)).build();
            var retry = RetryPolicy.builder().maxAttempts(attempts).delay(ms(1)).build();
            var fs = Calls.futures();
            for (int i = 0; i < calls; i++) {
                Calls.at(sim, i, Task.call("c", ctx -> {
                    throw new CallbackFailure("IOException", "down");
                }, ms(50)).withRetry(retry).withRetryBudget(budget), fs);
            }
            sim.run(); // all within one window of 10 s
            long retries = sim.events(EventType.RETRY_SCHEDULED).size();
            assertThat((double) retries).isLessThanOrEqualTo(minPerSecond * 10 + ratio * calls);
            assertThat(retries).isLessThanOrEqualTo((long) calls * (attempts - 1));
            Map<EventType, Long> byType = sim.events().stream()
                    .collect(Collectors.groupingBy(Event::type, Collectors.counting()));
            assertThat(byType.getOrDefault(EventType.STARTED, 0L)).isEqualTo(calls + retries);
        }
    }
}
