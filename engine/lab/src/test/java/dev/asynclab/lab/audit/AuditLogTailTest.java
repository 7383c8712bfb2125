package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTailTest {

    @TempDir
    Path dir;

    @Test
    void followsALogFromBeforeItExistsThroughLinesCompletedInTwoWrites() throws IOException {
        List<Event> events = AuditTestLogs.run();
        byte[] whole = Files.readAllBytes(
                AuditTestLogs.write(dir.resolve("source.jsonl"), AuditTestLogs.header(), events));
        int[] ends = lineEnds(whole);
        Path followed = dir.resolve("followed.jsonl");
        var seen = new ArrayList<Event>();

        try (var tail = new AuditLogTail(followed)) {
            assertThat(tail.poll()).isEmpty();
            assertThat(tail.header()).isEmpty();

            append(followed, whole, 0, ends[0] - 5);               // the header, not yet whole
            assertThat(tail.poll()).isEmpty();
            assertThat(tail.header()).isEmpty();

            append(followed, whole, ends[0] - 5, ends[3] + 10);   // header + 3 events + part of the 4th
            seen.addAll(tail.poll());
            assertThat(tail.header()).contains(AuditTestLogs.header());
            assertThat(seen).containsExactlyElementsOf(events.subList(0, 3));

            append(followed, whole, ends[3] + 10, ends[4]);       // the rest of the 4th line
            List<Event> fourth = tail.poll();
            assertThat(fourth).containsExactly(events.get(3));
            seen.addAll(fourth);

            assertThat(tail.poll()).isEmpty();

            append(followed, whole, ends[4], whole.length);
            seen.addAll(tail.poll());
            assertThat(seen).containsExactlyElementsOf(events);
            assertThat(tail.report()).hasValueSatisfying(r -> {
                assertThat(r.ok()).as(r.summary()).isTrue();
                assertThat(r.finished()).isTrue();
            });
        }
    }

    @Test
    void startsOverWhenTheFileIsReplacedByAShorterOne() throws IOException {
        List<Event> events = AuditTestLogs.run();
        Path followed = AuditTestLogs.write(dir.resolve("f.jsonl"), AuditTestLogs.header(), events);

        try (var tail = new AuditLogTail(followed)) {
            assertThat(tail.poll()).hasSize(events.size());
            AuditTestLogs.write(followed, AuditTestLogs.header().withLabel("second"), events.subList(0, 2));

            assertThat(tail.poll()).containsExactlyElementsOf(events.subList(0, 2));
            assertThat(tail.restarts()).isEqualTo(1);
            assertThat(tail.header()).hasValueSatisfying(h -> assertThat(h.label()).isEqualTo("second"));
        }
    }

    @Test
    void aMalformedLineIsSkippedAndReportedWhileFollowingContinues() throws IOException {
        List<Event> events = AuditTestLogs.run();
        Path followed = AuditTestLogs.write(dir.resolve("f.jsonl"), AuditTestLogs.header(), events.subList(0, 2));
        Files.writeString(followed, "{\"seq\":2,oops}\n", StandardOpenOption.APPEND);

        try (var tail = new AuditLogTail(followed)) {
            assertThat(tail.poll()).containsExactlyElementsOf(events.subList(0, 2));
            assertThat(tail.skippedLines()).isEqualTo(1);
            assertThat(tail.report()).hasValueSatisfying(r -> {
                assertThat(r.ok()).isFalse();
                assertThat(r.reason())
                        .isEqualTo("line 4: column 10: malformed: expected a field name in double quotes");
            });
        }
    }

    @Test
    void aFileThatIsNotAnAuditLogIsNamed() throws IOException {
        Path followed = Files.writeString(dir.resolve("x.jsonl"), "hello\n");

        try (var tail = new AuditLogTail(followed)) {
            assertThatThrownBy(tail::poll).isInstanceOf(AuditLogException.class)
                    .hasMessage(followed + ":1:1: expected '{' (each line is one JSON object) but found 'h'");
            assertThatThrownBy(tail::poll).hasMessageStartingWith(followed + ":1:1:");
        }
    }

    private static int[] lineEnds(byte[] bytes) {
        int[] ends = new int[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends[n++] = i + 1;
            }
        }
        return Arrays.copyOf(ends, n);
    }

    private static void append(Path file, byte[] bytes, int from, int to) throws IOException {
        Files.write(file, Arrays.copyOfRange(bytes, from, to), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
