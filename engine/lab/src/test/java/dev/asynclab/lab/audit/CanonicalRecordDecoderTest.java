package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The reader's fast path for lines in the writer's exact form reads what the general parser reads, for any event
/// the writer writes, and declines (leaving the line to the general parser) whatever it is not sure of: any line
/// with a byte added, dropped or changed either reads the same both ways or is declined.
class CanonicalRecordDecoderTest {

    private static final Path FILE = Path.of("audit.jsonl");
    private static final Pattern NINETEEN_DIGITS = Pattern.compile("\\d{19}");
    private static final List<String> SHARED = List.of("api", "w3", "fetch-user", "IOException", "reset",
            "timed out after 100 ms", "é\"\\\n", "\uD83D\uDE00 emoji", "lone \uD800 high");

    @TempDir
    Path dir;

    @Property(tries = 300)
    void aWrittenLineReadsTheSameOnTheFastPathAsThroughTheParser(@ForAll("event") Event event) {
        byte[] line = writtenLine(event);
        var fast = new CanonicalRecordDecoder();
        var general = new LineDecoder(FILE);

        Event viaFast = fast.decode(line, 0, line.length, AuditHeader.VERSION);
        Event viaParser;
        try {
            viaParser = general.parsedRecord(line, 0, line.length, 2);
        } catch (AuditLogException refused) {
            // A line the parser refuses, the fast path must decline too.
            assertThat(viaFast).as("read a line the parser refuses: %s", refused.getMessage()).isNull();
            return;
        }

        String text = new String(line, StandardCharsets.UTF_8);
        if (text.indexOf('\\') < 0 && !NINETEEN_DIGITS.matcher(text).find()) {
            assertThat(viaFast).as("declined a line in the writer's form: %s", text).isNotNull();
        }
        if (viaFast != null) {
            assertThat(viaFast).isEqualTo(viaParser);
            assertThat(fast.hashedEnd()).isEqualTo(general.hashedEnd());
            assertThat(fast.declaredHash()).isEqualTo(general.declaredHash());
        }
    }

    @Property(tries = 1000)
    void aChangedLineReadsTheSameBothWaysOrIsDeclined(@ForAll("event") Event event,
                                                      @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                      @ForAll("edits") byte[] edit,
                                                      @ForAll @IntRange(min = 0, max = 3) int dropped) {
        byte[] written = writtenLine(event);
        int cut = at % (written.length + 1);
        int resume = Math.min(written.length, cut + dropped);
        var changed = new ByteArrayOutputStream();
        changed.write(written, 0, cut);
        changed.writeBytes(edit);
        changed.write(written, resume, written.length - resume);
        byte[] line = changed.toByteArray();

        Event viaFast = new CanonicalRecordDecoder().decode(line, 0, line.length, AuditHeader.VERSION);
        if (viaFast == null) {
            return;
        }
        var general = new LineDecoder(FILE);
        assertThat(general.parsedRecord(line, 0, line.length, 2)).isEqualTo(viaFast);
    }

    @Test
    void aValidLineNotInTheWritersFormReadsAsTheSameEvent() {
        String canonical = "{\"seq\":7,\"t\":150,\"type\":\"TIMED_OUT\",\"id\":97,\"attempt\":2,\"group\":41,"
                + "\"name\":\"fetch-user\",\"worker\":\"w3\",\"duration\":100,\"h\":\"00000000000000ff\"}";
        String spaced = "{ \"seq\": 7, \"t\": 150, \"type\": \"TIMED_OUT\", \"worker\": \"w3\", \"id\": 97,"
                + " \"attempt\": 2, \"group\": 41, \"name\": \"fetch-\\u0075ser\", \"duration\": 100,"
                + " \"extra\": null, \"h\": \"00000000000000FF\" }";
        var decoder = new LineDecoder(FILE);
        byte[] a = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] b = spaced.getBytes(StandardCharsets.UTF_8);

        assertThat(new CanonicalRecordDecoder().decode(b, 0, b.length, 2)).as("not the writer's form").isNull();
        Event viaFast = decoder.record(a, 0, a.length, 2);
        long fastHash = decoder.declaredHash();
        assertThat(decoder.record(b, 0, b.length, 3)).isEqualTo(viaFast);
        assertThat(decoder.declaredHash()).isEqualTo(fastHash).isEqualTo(0xffL);
    }

    @Test
    void aBrokenLineInTheMiddleOfAWrittenLogIsNamedWithItsColumn() throws IOException {
        List<Event> events = AuditTestLogs.run();
        Path file = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), events);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(11, lines.get(11).replaceFirst("\"t\":(\\d+)", "\"t\":$1.5"));
        Files.write(file, lines);

        assertThatThrownBy(() -> AuditLogReader.read(file))
                .isInstanceOf(AuditLogException.class)
                .satisfies(e -> {
                    var ale = (AuditLogException) e;
                    assertThat(ale.line()).isEqualTo(12);
                    assertThat(ale.column()).isEqualTo(lines.get(11).indexOf(".5") + 1);
                    assertThat(ale.problem()).isEqualTo("expected an integer for \"t\", not a fraction")
                            .as("what the general parser says");
                });
    }

    private static byte[] writtenLine(Event event) {
        var out = new ByteArrayOutputStream();
        try (var writer = new AuditLogWriter(out, AuditHeader.of("run-1", "property", Instant.EPOCH, "0.1.0",
                AuditHeader.CLOCK_SIMULATED, 42))) {
            writer.onEvent(event);
        }
        String[] lines = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\n");
        return lines[1].getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<byte[]> edits() {
        return Arbitraries.oneOf(
                Arbitraries.of(" ", ",", "\"", ":", "}", "{", "-", "0", "9", "x", "\\", "null", "A", "F", "\r")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(new byte[0]));
    }

    @Provide
    Arbitrary<Event> event() {
        // Every length of digits, 1 to 19, as the eight-at-a-time reading sees them across its word boundaries.
        Arbitrary<Long> anyLength = Arbitraries.integers().between(0, 18).flatMap(d -> Arbitraries.longs()
                .between(d == 0 ? 0 : pow10(d), d == 18 ? Long.MAX_VALUE : pow10(d + 1) - 1));
        Arbitrary<long[]> numbers = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-5, 99_999),
                        anyLength, anyLength.map(v -> -v))
                .array(long[].class).ofSize(10)
                .map(a -> {
                    long[] v = a.clone();
                    for (int i = 3; i < v.length; i++) {
                        if (Math.floorMod(v[i], 3) == 0) {
                            v[i] = switch (i) {
                                case 5, 6, 9 -> -1; // duration, queueDepth, poolSize: absent
                                default -> 0;
                            };
                        }
                    }
                    return v;
                });
        Arbitrary<String[]> texts = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(SHARED)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(" -.é").ofMaxLength(60)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(200).ofMaxLength(400)))
                .array(String[].class).ofSize(6);
        Arbitrary<EventType> types = Arbitraries.of(EventType.class);
        return Combinators.combine(numbers, texts, types).as((v, s, type) -> new Event(v[0], v[1], type, v[2],
                (int) v[3], v[4], s[0], s[1], v[5], s[2], s[3], s[4], (int) v[6], s[5], v[7], v[8], (int) v[9]));
    }

    private static long pow10(int d) {
        long p = 1;
        for (int i = 0; i < d; i++) {
            p *= 10;
        }
        return p;
    }
}
