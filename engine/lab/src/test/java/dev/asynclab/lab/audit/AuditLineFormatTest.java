package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The writer's hand-rolled formatting (bytes built in place, numbers and strings encoded by hand, strings it has
/// seen before copied from a cache) writes exactly the bytes a plain `StringBuilder` formatting of
/// docs/audit-log.md gives, for any events: any numbers, absent or present fields, any text (control characters,
/// quotes, non-ASCII, lone surrogates), the same string object again or an equal one.
class AuditLineFormatTest {

    /// A few strings the events share as the same objects, as a run's names and workers are.
    private static final List<String> SHARED = List.of("api", "w3", "fetch-user", "IOException", "reset",
            "timed out after 100 ms", "é\"\\\n", "\uD83D\uDE00 emoji", "lone \uD800 high");

    @Property(tries = 300)
    void theWriterWritesWhatThePlainFormattingWrites(@ForAll("events") List<Event> events) {
        AuditHeader header = AuditHeader.of("run-1", "property", Instant.EPOCH, "0.1.0", AuditHeader.CLOCK_SIMULATED,
                42);
        var out = new ByteArrayOutputStream();
        try (var writer = new AuditLogWriter(out, header)) {
            int n = 0;
            for (Event e : events) {
                writer.onEvent(e);
                if (++n % 7 == 0) {
                    writer.onBatchEnd();
                }
            }
        }
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(new String(PlainAuditLines.of(header, events), StandardCharsets.UTF_8));
    }

    @Property
    void aHashIsPrintedAsItsSixteenLowercaseHexDigits(@ForAll long h) {
        byte[] buf = new byte[20];
        ChainHash.writeHex(h, buf, 2);
        assertThat(new String(buf, 2, 16, StandardCharsets.US_ASCII)).isEqualTo(String.format("%016x", h));
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return event().list().ofMaxSize(40);
    }

    private static Arbitrary<Event> event() {
        Arbitrary<long[]> numbers = Arbitraries.longs().array(long[].class).ofSize(10)
                .map(a -> {
                    // Absent values are common in a log: make each field absent about a third of the time.
                    long[] v = a.clone();
                    for (int i = 3; i < v.length; i++) {
                        if (Math.floorMod(v[i], 3) == 0) {
                            v[i] = absent(i);
                        }
                    }
                    return v;
                });
        Arbitrary<String[]> texts = text().array(String[].class).ofSize(6);
        Arbitrary<EventType> types = Arbitraries.of(EventType.class);
        return Combinators.combine(numbers, texts, types).as((v, s, type) -> new Event(v[0], v[1], type, v[2],
                (int) v[3], v[4], s[0], s[1], v[5], s[2], s[3], s[4], (int) v[6], s[5], v[7], v[8], (int) v[9]));
    }

    /// The value the writer leaves out for field `i` of the numbers above.
    private static long absent(int i) {
        return switch (i) {
            case 5, 6, 9 -> -1; // duration, queueDepth, poolSize
            default -> 0;
        };
    }

    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(SHARED)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SHARED).map(String::new)), // equal, not the same object
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(200).ofMaxLength(400)));
    }
}
