package dev.asynclab.app.store;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The store keeps each circuit breaker's state over time and gives a policy's refusal the policy's marker.
class PolicyEventsStoreTest {

    private static Event breaker(long seq, long t, EventType type) {
        return Event.of(type, 0, 0, 0, "db").withSeqAndTime(seq, t);
    }

    @Test
    void aBreakersEventsBecomeItsStateOverTime() {
        EventStore store = new EventStore();
        store.appendAll(List.of(breaker(0, 100, EventType.CIRCUIT_OPENED),
                breaker(1, 600, EventType.CIRCUIT_HALF_OPENED), breaker(2, 650, EventType.CIRCUIT_OPENED),
                breaker(3, 1200, EventType.CIRCUIT_HALF_OPENED), breaker(4, 1250, EventType.CIRCUIT_CLOSED)));
        BreakerBands bands = store.breakerBands();
        assertThat(bands.names()).containsExactly("db");
        assertThat(bands.stateAt("db", 50)).isEqualTo(BreakerBands.State.CLOSED);
        assertThat(bands.stateAt("db", 100)).isEqualTo(BreakerBands.State.OPEN);
        assertThat(bands.stateAt("db", 620)).isEqualTo(BreakerBands.State.HALF_OPEN);
        assertThat(bands.stateAt("db", 700)).isEqualTo(BreakerBands.State.OPEN);
        assertThat(bands.stateAt("db", 2000)).isEqualTo(BreakerBands.State.CLOSED);
        assertThat(bands.changes("db")).hasSize(5);
    }

    @Test
    void refusalsByAPolicyAndFallbacksGetTheirOwnMarkers() {
        EventStore store = new EventStore();
        List<Event> events = new ArrayList<>();
        long seq = 0;
        String[] policies = {"circuit-breaker", "rate-limiter", null};
        for (int id = 1; id <= 3; id++) {
            events.add(Event.of(EventType.SUBMITTED, id, 1, 0, "call").withSeqAndTime(seq++, id * 10L));
            events.add(Event.of(EventType.REJECTED, id, 1, 0, "call").withValue(policies[id - 1])
                    .withError("RejectedExecutionException", "refused").withSeqAndTime(seq++, id * 10L));
        }
        events.add(Event.of(EventType.FALLBACK_USED, 1, 1, 0, "call").withValue("cached").withSeqAndTime(seq, 40));
        store.appendAll(events);
        List<EventType> markers = new ArrayList<>();
        for (int k = 0; k < store.markerCount(); k++) {
            markers.add(store.markerTypeAt(store.markerEvent(k)));
        }
        assertThat(markers).containsExactly(EventType.CIRCUIT_OPENED, EventType.RATE_LIMITED, EventType.REJECTED,
                EventType.FALLBACK_USED);
        // every marker kind maps back to the type it stands for
        for (EventType type : markers) {
            assertThat(EventStore.markerType(EventStore.markerKind(type))).isEqualTo(type);
        }
    }
}
