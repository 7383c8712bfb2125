package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyEventTypeAndFieldReadsBackEqual() throws IOException {
        List<Event> events = AuditTestLogs.runWithPolicies();
        Path file = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), events);

        AuditLog log = AuditLogReader.read(file);

        assertThat(log.header()).isEqualTo(AuditTestLogs.header());
        assertThat(log.events()).containsExactlyElementsOf(events);
        assertThat(log.truncation()).isEmpty();
        var types = EnumSet.noneOf(EventType.class);
        events.forEach(e -> types.add(e.type()));
        assertThat(types).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void absentFieldsAreOmittedAndPresentOnesAreNamedAsDocumented() throws IOException {
        var started = Event.of(EventType.STARTED, 97, 2, 41, "fetch-user").withWorker("w3").withSeqAndTime(812, 153);
        var timedOut = Event.of(EventType.TIMED_OUT, 97, 2, 41, "fetch-user").withWorker("w3")
                .withDuration(100_000_000).withError("TimeoutException", "late").withValue("v").withQueueDepth(4)
                .withSeqAndTime(813, 154);
        Path file = AuditTestLogs.write(dir.resolve("a.jsonl"), AuditTestLogs.header(), List.of(started, timedOut));

        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(1)).matches("\\{\"seq\":812,\"t\":153,\"type\":\"STARTED\",\"id\":97,\"attempt\":2,"
                + "\"group\":41,\"name\":\"fetch-user\",\"worker\":\"w3\",\"h\":\"[0-9a-f]{16}\"}");
        assertThat(lines.get(2)).matches("\\{\"seq\":813,\"t\":154,\"type\":\"TIMED_OUT\",\"id\":97,\"attempt\":2,"
                + "\"group\":41,\"name\":\"fetch-user\",\"worker\":\"w3\",\"duration\":100000000,"
                + "\"errorType\":\"TimeoutException\",\"errorMessage\":\"late\",\"value\":\"v\",\"queueDepth\":4,"
                + "\"h\":\"[0-9a-f]{16}\"}");
        assertThat(lines.get(0)).startsWith("{\"format\":\"asynclab-audit\",\"version\":2,\"runId\":\"run-1\","
                + "\"scenario\":\"Pool saturation\",\"start\":\"2026-11-24T14:15:15.123456789Z\",\"engine\":\"0.1.0\","
                + "\"clock\":\"simulated\",\"seed\":42,\"chain\":\"xxh64\",\"h\":\"");
    }

    @Test
    void stringsWithQuotesControlCharactersAndSurrogatesRoundTrip() throws IOException {
        String nasty = "quote \" backslash \\ slash / nl \n cr \r tab \t bell \u0007 nul \u0000 del \u007f "
                + "é ✓ 😀 lone-high \ud800 lone-low \udc00 end";
        var e = Event.of(EventType.FAILED, 1, 1, 0, nasty).withWorker("w\"0").withError(nasty, nasty)
                .withValue(nasty).withSeqAndTime(0, 0);
        Path file = AuditTestLogs.write(dir.resolve("s.jsonl"), AuditTestLogs.header().withLabel("ünï \"x\""),
                List.of(e));

        AuditLog log = AuditLogReader.read(file);

        assertThat(log.events()).containsExactly(e);
        assertThat(log.header().label()).isEqualTo("ünï \"x\"");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2);
    }

    @Test
    void extremeNumbersRoundTrip() throws IOException {
        var e = new Event(Long.MAX_VALUE, Long.MAX_VALUE - 1, EventType.LATE_FINISH, Long.MAX_VALUE,
                Integer.MAX_VALUE, -5, "n", null, 0, null, null, "", 0);
        Path file = AuditTestLogs.write(dir.resolve("n.jsonl"), AuditTestLogs.header(), List.of(e));

        assertThat(AuditLogReader.read(file).events()).containsExactly(e);
    }

    /// The writer writes any long; `Long.MIN_VALUE` has no positive counterpart, and the reader once refused it.
    @Test
    void theSmallestLongRoundTripsToo() throws IOException {
        var e = new Event(0, 0, EventType.SUCCEEDED, 7, 1, Long.MIN_VALUE, "n", null, Long.MIN_VALUE, null, null,
                "", -1);
        Path file = AuditTestLogs.write(dir.resolve("min.jsonl"), AuditTestLogs.header(), List.of(e));

        assertThat(AuditLogReader.read(file).events()).containsExactly(e);
    }

    @Test
    void streamingReadMatchesReadAllOnALargeLog() throws IOException {
        var events = new ArrayList<Event>();
        for (int i = 0; i < 50_000; i++) {
            events.add(AuditTestLogs.synthetic(i));
        }
        Path file = AuditTestLogs.write(dir.resolve("big.jsonl"), AuditTestLogs.header(), events);
        var streamed = new ArrayList<Event>();

        long count;
        try (var reader = AuditLogReader.open(file)) {
            count = reader.forEach(streamed::add);
        }

        assertThat(count).isEqualTo(50_000);
        assertThat(streamed).isEqualTo(events);
    }
}
