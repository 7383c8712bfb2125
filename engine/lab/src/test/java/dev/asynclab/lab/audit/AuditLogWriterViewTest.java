package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/// The writer on a bus reads each event in place from the ring (`readsEventViews`), with no `Event` built: the log
/// it writes is byte for byte what the plain formatting of docs/audit-log.md gives for the events a sink of
/// `Event`s on the same bus is handed, whichever way they were published (field by field, a result whose text the
/// bus makes, or whole with the run and group fields).
class AuditLogWriterViewTest {

    private static final List<String> SHARED = List.of("api", "w3", "IOException", "reset", "é\"\\\n", "lone \uD800");

    @Property(tries = 200)
    void theWriterReadingViewsWritesWhatThePlainFormattingWritesForTheBussEvents(
            @ForAll("publications") List<Publication> publications) {
        AuditHeader header = AuditHeader.of("run-1", "views", Instant.EPOCH, "0.1.0", AuditHeader.CLOCK_SIMULATED, 7);
        var out = new ByteArrayOutputStream();
        List<Event> handed = new ArrayList<>();
        var clock = new AtomicLong();
        try (var writer = new AuditLogWriter(out, header)) {
            assertThat(writer.readsEventViews()).isTrue();
            try (var bus = EventBus.create(clock::get, 8, List.of(writer, (EventSink) handed::add))) {
                for (Publication p : publications) {
                    clock.addAndGet(p.step());
                    p.on(bus);
                }
            }
        }
        assertThat(handed).hasSize(publications.size());
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(new String(PlainAuditLines.of(header, handed), StandardCharsets.UTF_8));
    }

    /// One way of publishing an event.
    sealed interface Publication {
        long step();

        void on(EventBus bus);
    }

    record Whole(long step, Event event) implements Publication {
        public void on(EventBus bus) {
            bus.publish(event);
        }
    }

    record Fields(long step, EventType type, long id, int attempt, long group, String name, String worker,
                  long duration, String errorType, String message, String value, int depth) implements Publication {
        public void on(EventBus bus) {
            bus.publish(type, id, attempt, group, name, worker, duration, errorType, message, value, depth);
        }
    }

    record Result(long step, long id, String name, String worker, long duration, Object value) implements Publication {
        public void on(EventBus bus) {
            bus.publishResult(EventType.SUCCEEDED, id, 1, 0, name, worker, duration, value);
        }
    }

    @Provide
    Arbitrary<List<Publication>> publications() {
        Arbitrary<Long> steps = Arbitraries.longs().between(0, 3_000_000_000L);
        Arbitrary<Long> numbers = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1, 100));
        Arbitrary<EventType> types = Arbitraries.of(EventType.class);
        Arbitrary<Publication> whole = Combinators.combine(steps, types, numbers, text(), text(), numbers,
                        Arbitraries.integers().between(-1, 64))
                .as((step, type, id, name, kind, seed, pool) -> new Whole(step, new Event(-1, -1, type, id, 0, 0,
                        name, null, -1, null, null, null, -1, kind, id / 2, seed, pool)));
        Arbitrary<Publication> fields = Combinators.combine(steps, types, numbers, numbers, text(), text(), text(),
                        text())
                .as((step, type, id, duration, name, worker, error, value) -> new Fields(step, type, id,
                        (int) (id & 7), id >> 3, name, worker, duration, error, value == null ? null : "m", value,
                        (int) (duration % 9) - 1));
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i), text().map(s -> s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.just(List.of("a", "b")),
                Arbitraries.strings().ofMinLength(190).ofMaxLength(260).map(s -> (Object) s));
        Arbitrary<Publication> results = Combinators.combine(steps, numbers, text(), text(), numbers, values)
                .as(Result::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, whole), net.jqwik.api.Tuple.of(3, fields),
                net.jqwik.api.Tuple.of(3, results)).list().ofMaxSize(40);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(SHARED)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SHARED).map(String::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)));
    }
}
