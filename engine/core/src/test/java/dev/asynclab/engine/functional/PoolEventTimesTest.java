package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/// On real threads, with workers taking calls back to back (the pool's lock-free poll) and with or without a
/// dependant of a call's future running on its worker: a call never starts before it was submitted nor ends before
/// it started, on the engine's own readings (the wait STARTED carries and the duration its terminal event carries;
/// the bus raises an event's `t` to the last one's, so `t` alone could not show it).
class PoolEventTimesTest {

    @Test
    void aCallsEventTimesNeverGoBackwardsWhenWorkersTakeCallsBackToBack() throws Exception {
        for (int round = 0; round < 4; round++) {
            List<Event> events = new ArrayList<>();
            var bus = EventBus.create(1 << 14, events::add);
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            int total = 20_000;
            List<CompletableFuture<?>> dependants = new ArrayList<>();
            try (var pool = AsyncCallbackPool.builder(runtime).size(2).build()) {
                for (int i = 0; i < total; i++) {
                    int n = i;
                    CompletableFuture<AsyncCallbackResult> f = pool.submit(ctx -> n, "call", Duration.ofSeconds(30));
                    if (round % 2 == 1 && i % 3 == 0) {
                        dependants.add(f.thenApply(AsyncCallbackResult::value)); // a dependant that runs on the worker
                    }
                }
                assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
            }
            CompletableFuture.allOf(dependants.toArray(CompletableFuture[]::new)).join();
            bus.close();

            Map<Long, Event> started = new HashMap<>();
            int ended = 0;
            for (Event e : events) {
                switch (e.type()) {
                    case STARTED -> {
                        assertThat(e.duration()).as("call %d's wait: started before it was submitted", e.id())
                                .isGreaterThanOrEqualTo(0);
                        started.put(e.id(), e);
                    }
                    case SUCCEEDED -> {
                        assertThat(started).as("call %d ended before it started", e.id()).containsKey(e.id());
                        assertThat(e.duration()).as("call %d's duration", e.id()).isGreaterThanOrEqualTo(0);
                        ended++;
                    }
                    default -> {
                    }
                }
            }
            assertThat(ended).isEqualTo(total);
        }
    }
}
