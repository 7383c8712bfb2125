package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.event.EventView;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/// Sinks that read events in place from the bus's ring (`EventSink.readsEventViews`) see exactly what sinks given
/// `Event`s see, in the same order, and the bus builds no `Event` for them.
class EventBusViewTest {

    /// Copies each view's fields as it is handed over (a view must not be kept past the call).
    static final class ViewCopies implements EventSink {
        final List<Event> copies = new ArrayList<>();
        final List<String> order;
        final String label;

        ViewCopies(List<String> order, String label) {
            this.order = order;
            this.label = label;
        }

        @Override
        public boolean readsEventViews() {
            return true;
        }

        @Override
        public void onEventView(EventView e) {
            order.add(label);
            copies.add(new Event(e.seq(), e.t(), e.type(), e.id(), e.attempt(), e.group(), e.name(), e.worker(),
                    e.duration(), e.errorType(), e.errorMessage(), e.value(), e.queueDepth(), e.kind(),
                    e.parentGroup(), e.seed(), e.poolSize()));
        }

        @Override
        public void onEvent(Event e) {
            throw new AssertionError("a sink reading views was handed an Event: " + e);
        }
    }

    /// One way of publishing an event, as the engine and its users do.
    sealed interface Publication {
        void on(EventBus bus);
    }

    record Whole(Event event) implements Publication {
        public void on(EventBus bus) {
            bus.publish(event);
        }
    }

    record Fields(long now, EventType type, long id, int attempt, long group, String name, String worker,
                  long duration, String errorType, String errorMessage, String value, int depth) implements Publication {
        public void on(EventBus bus) {
            bus.publishAt(now, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value, depth);
        }
    }

    record Result(long now, long id, String name, long duration, Object value) implements Publication {
        public void on(EventBus bus) {
            bus.publishResultAt(now, EventType.SUCCEEDED, id, 1, 0, name, "w1", duration, value);
        }
    }

    @Property(tries = 200)
    void aSinkReadingViewsSeesWhatASinkOfEventsSees(@ForAll("publications") List<Publication> publications) {
        List<String> order = new ArrayList<>();
        var first = new ViewCopies(order, "views-1");
        List<Event> events = new ArrayList<>();
        EventSink plain = e -> {
            order.add("events");
            events.add(e);
        };
        var last = new ViewCopies(order, "views-2");
        var clock = new AtomicLong(1_000);
        try (var bus = EventBus.create(clock::get, 8, List.of(first, plain, last))) {
            publications.forEach(p -> {
                clock.addAndGet(7);
                p.on(bus);
            });
        }
        assertThat(first.copies).isEqualTo(events);
        assertThat(last.copies).isEqualTo(events);
        assertThat(events).hasSize(publications.size());
        for (int i = 0; i < order.size(); i += 3) { // each event reaches the sinks in the order they were given
            assertThat(order.subList(i, i + 3)).containsExactly("views-1", "events", "views-2");
        }
    }

    @Test
    void aViewStillReadsAsItsEventWhenTheRingHasComeRoundManyTimes() {
        var only = new ViewCopies(new ArrayList<>(), "views");
        try (var bus = EventBus.create(() -> 0, 4, List.of(only))) {
            for (int i = 0; i < 1_000; i++) {
                bus.publishResultAt(0, EventType.SUCCEEDED, i + 1, 1, 0, "n" + i, "w", i, i);
            }
        }
        assertThat(only.copies).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            Event e = only.copies.get(i);
            assertThat(e.seq()).isEqualTo(i);
            assertThat(e.id()).isEqualTo(i + 1);
            assertThat(e.name()).isEqualTo("n" + i);
            assertThat(e.value()).isEqualTo(Integer.toString(i)); // the deferred value's text, made by the writer
        }
    }

    @Test
    void aSinkThatDoesNotOptInIsHandedEventsThroughTheDefault() {
        List<Event> seen = new ArrayList<>();
        EventSink plain = seen::add;
        assertThat(plain.readsEventViews()).isFalse();
        Event e = Event.of(EventType.LOG, 3, 1, 0, "x");
        plain.onEventView(e);
        assertThat(seen).containsExactly(e);
    }

    @Provide
    Arbitrary<List<Publication>> publications() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).injectNull(0.3);
        Arbitrary<EventType> types = Arbitraries.of(EventType.class);
        Arbitrary<Publication> whole = Combinators.combine(types, Arbitraries.longs().between(0, 50), text,
                        Arbitraries.of("retry", "race", "simulated"), Arbitraries.longs().between(-3, 3),
                        Arbitraries.integers().between(-1, 8))
                .as((type, id, name, kind, seed, pool) -> new Whole(new Event(-1, -1, type, id, 1, 2, name, null, -1,
                        null, null, null, -1, kind, 1, seed, pool)));
        Arbitrary<Publication> fields = Combinators.combine(types, Arbitraries.longs().between(0, 50), text, text,
                        Arbitraries.longs().between(-1, 1_000_000), text, text, text)
                .as((type, id, name, worker, duration, errorType, message, value) -> new Fields(
                        duration * 3, type, id, 2, id / 3, name, worker, duration, errorType, message, value,
                        (int) (id % 5) - 1));
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s), Arbitraries.just(null),
                Arbitraries.just(List.of(1, 2)), Arbitraries.doubles().map(d -> (Object) d));
        Arbitrary<Publication> results = Combinators.combine(Arbitraries.longs().between(0, 10_000),
                        Arbitraries.longs().between(1, 50), text, values)
                .as((now, id, name, value) -> new Result(now, id, name, now / 2, value));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, whole), net.jqwik.api.Tuple.of(3, fields),
                        net.jqwik.api.Tuple.of(3, results))
                .list().ofMaxSize(40);
    }
}
