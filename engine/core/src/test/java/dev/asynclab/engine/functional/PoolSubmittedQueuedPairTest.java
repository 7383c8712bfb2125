package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
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

import static org.assertj.core.api.Assertions.assertThat;

/// On real threads, a pool whose calls start at once, wait or are refused (a bounded queue), while workers take
/// calls back to back: a call that waited has its SUBMITTED and QUEUED next to each other (one pair on the bus), and
/// every call's events come in their order — SUBMITTED first, then QUEUED if it waited, STARTED if it ran, and one
/// terminal event — whichever way its SUBMITTED was emitted (with QUEUED, or alone when the submitter's guess that
/// it would wait was wrong).
class PoolSubmittedQueuedPairTest {

    @Test
    void aWaitingCallsSubmittedAndQueuedAreAdjacentAndEveryCallsEventsAreInOrder() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<Event> events = new ArrayList<>();
            var bus = EventBus.create(1 << 10, events::add); // small: producers also wait for room now and then
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            int total = 10_000;
            try (var pool = AsyncCallbackPool.builder(runtime).size(2).queueCapacity(round == 0 ? -1 : 20 * round)
                    .build()) {
                for (int i = 0; i < total; i++) {
                    int n = i;
                    pool.submit(ctx -> n, "call", Duration.ofSeconds(30));
                }
                assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
            }
            bus.close();

            Map<Long, List<EventType>> byCall = new HashMap<>();
            int queued = 0;
            for (int k = 0; k < events.size(); k++) {
                Event e = events.get(k);
                assertThat(e.seq()).isEqualTo(k);
                if (e.type() == EventType.QUEUED) {
                    Event before = events.get(k - 1);
                    assertThat(before.type()).as("the event before call %d's QUEUED", e.id())
                            .isEqualTo(EventType.SUBMITTED);
                    assertThat(before.id()).isEqualTo(e.id());
                    assertThat(e.t()).isEqualTo(before.t()); // both stamped when it was submitted
                    queued++;
                }
                if (e.id() > 0) {
                    byCall.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(e.type());
                }
            }
            assertThat(byCall).hasSize(total);
            assertThat(queued).as("calls that waited").isPositive();
            var allowed = List.of(
                    List.of(EventType.SUBMITTED, EventType.REJECTED),
                    List.of(EventType.SUBMITTED, EventType.STARTED, EventType.SUCCEEDED),
                    List.of(EventType.SUBMITTED, EventType.QUEUED, EventType.STARTED, EventType.SUCCEEDED));
            for (var entry : byCall.entrySet()) {
                assertThat(allowed).as("call %d's events", entry.getKey()).contains(entry.getValue());
            }
        }
    }
}
