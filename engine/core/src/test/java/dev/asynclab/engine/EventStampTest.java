package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// An invocation stamps its events with the clock readings it takes for its own bookkeeping when the bus reads the
/// engine's clock, and leaves the stamping to the bus when it reads another.
class EventStampTest {

    @Test
    void aBusOnTheEnginesClockGetsTheInvocationsOwnReadings() {
        List<Event> seen = new CopyOnWriteArrayList<>();
        try (var bus = EventBus.create(1 << 10, seen::add)) {
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            var result = new AsyncCallbackWrapper(runtime, ctx -> 1, "stamped", Duration.ofSeconds(30))
                    .executeBlocking();
            assertThat(result.isSuccess()).isTrue();
        }
        assertThat(seen).extracting(Event::type)
                .containsExactly(EventType.SUBMITTED, EventType.STARTED, EventType.SUCCEEDED);
        Event submitted = seen.get(0);
        Event started = seen.get(1);
        Event succeeded = seen.get(2);
        // The queue wait and the run time are differences of the very readings the events carry.
        assertThat(started.t() - submitted.t()).isEqualTo(started.duration());
        assertThat(succeeded.t() - started.t()).isEqualTo(succeeded.duration());
    }

    @Test
    void publishAtStampsTheGivenReadingOfTheBussClock() {
        List<Event> seen = new CopyOnWriteArrayList<>();
        long[] clock = {1_000};
        try (var bus = EventBus.create(() -> clock[0], 8, List.of(seen::add))) {
            bus.publishAt(1_250, EventType.LOG, 1, 1, 0, "a", null, -1, null, null, null, -1);
            bus.publishResultAt(1_400, EventType.SUCCEEDED, 1, 1, 0, "a", "w0", 150, 7);
            bus.publishAt(1_300, EventType.LOG, 2, 1, 0, "b", null, -1, null, null, null, -1);
        }
        assertThat(seen).extracting(Event::t).containsExactly(250L, 400L, 400L); // raised, never back in time
        assertThat(seen.get(1).value()).isEqualTo("7");
    }

    @Test
    void aBusOnAnotherClockStampsEveryEventItself() {
        List<Event> seen = new CopyOnWriteArrayList<>();
        try (var bus = EventBus.create(() -> 5L, 1 << 10, List.of(seen::add))) {
            var runtime = AsyncCallbackRuntime.builder().scheduler(RealScheduler.shared()).events(bus).build();
            new AsyncCallbackWrapper(runtime, ctx -> 1, "own-clock", Duration.ofSeconds(30)).executeBlocking();
        }
        assertThat(seen).hasSize(3).allSatisfy(e -> assertThat(e.t()).isZero());
    }
}
