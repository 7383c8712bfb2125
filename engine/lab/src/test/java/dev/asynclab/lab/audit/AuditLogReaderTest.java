package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogReaderTest {

    @TempDir
    Path dir;

    @Test
    void aLogCutMidLineReadsEveryWholeLineAndReportsTheCut() throws IOException {
        List<Event> events = AuditTestLogs.run();
        Path file = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), events);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));

        AuditLog log = AuditLogReader.read(file);

        assertThat(log.events()).containsExactlyElementsOf(events.subList(0, events.size() - 1));
        assertThat(log.truncation()).hasValueSatisfying(t -> {
            assertThat(t.line()).isEqualTo(26);
            assertThat(t.describe()).startsWith("line 26: cut after ");
        });
    }

    @Test
    void aLogCutRightAfterANewlineIsWhole() throws IOException {
        List<Event> events = AuditTestLogs.run();
        Path file = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), events);
        var lines = Files.readAllLines(file);
        Files.writeString(file, String.join("\n", lines.subList(0, 10)) + "\n");

        AuditLog log = AuditLogReader.read(file);

        assertThat(log.events()).hasSize(9);
        assertThat(log.truncation()).isEmpty();
    }

    @Test
    void aMalformedLineInTheMiddleNamesFileLineColumnAndWhatWasExpected() throws IOException {
        Path file = withLine(3, "{\"seq\":1,\"t\":2 \"type\":\"STARTED\"}");

        assertThatThrownBy(() -> AuditLogReader.read(file))
                .isInstanceOf(AuditLogException.class)
                .hasMessage(file + ":3:16: expected ',' or '}' but found '\"'")
                .satisfies(e -> {
                    var ale = (AuditLogException) e;
                    assertThat(ale.line()).isEqualTo(3);
                    assertThat(ale.column()).isEqualTo(16);
                    assertThat(ale.file()).isEqualTo(file);
                });
    }

    @Test
    void anUnknownEventTypeIsNamed() throws IOException {
        Path file = withLine(2, "{\"seq\":0,\"t\":2,\"type\":\"EXPLODED\",\"h\":\"0000000000000000\"}");

        assertThatThrownBy(() -> AuditLogReader.read(file))
                .isInstanceOf(AuditLogException.class)
                .hasMessageStartingWith(file + ":2:23: unknown event type \"EXPLODED\"; expected one of [RUN_STARTED");
    }

    @Test
    void aRecordWithoutItsHashIsNamed() throws IOException {
        Path file = withLine(2, "{\"seq\":0,\"t\":2,\"type\":\"STARTED\"}");

        assertThatThrownBy(() -> AuditLogReader.read(file))
                .hasMessage(file + ":2:33: expected the field \"h\" in every record");
    }

    @Test
    void nestedValuesAreRejectedClearly() throws IOException {
        Path file = withLine(2, "{\"seq\":0,\"t\":2,\"extra\":[1,2],\"type\":\"STARTED\"}");

        assertThatThrownBy(() -> AuditLogReader.read(file))
                .hasMessage(file + ":2:24: expected a string, number or null for \"extra\" (values are never nested)");
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThatThrownBy(() -> AuditLogReader.open(file))
                .hasMessage(file + ": the file is empty; expected the header line of an audit log");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.jsonl");

        assertThatThrownBy(() -> AuditLogReader.open(file)).hasMessage(file + ": no such file");
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        Path file = AuditTestLogs.write(dir.resolve("v.jsonl"), AuditTestLogs.header(), List.of());
        String text = Files.readString(file).replace("\"version\":2", "\"version\":3");
        Files.writeString(file, text);

        assertThatThrownBy(() -> AuditLogReader.open(file))
                .hasMessage(file + ":1:38: unsupported format version 3; this reader knows version 1 to 2");
    }

    @Test
    void binaryGarbageIsAClearErrorNotACrash() throws IOException {
        Path file = dir.resolve("garbage.jsonl");
        Files.write(file, new byte[] {(byte) 0xFF, 0, 1, 2, '\n', 3});

        assertThatThrownBy(() -> AuditLogReader.open(file))
                .hasMessage(file + ":1:1: expected '{' (each line is one JSON object) but found '\\xff'");
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersStayTrue() throws IOException {
        Path file = AuditTestLogs.write(dir.resolve("b.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        var lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(3, "");
        lines.add(5, "{\"seq\":1,\"t\":x}");
        Files.write(file, lines);

        assertThatThrownBy(() -> AuditLogReader.read(file)).hasMessageStartingWith(file + ":6:14: ");
    }

    @Test
    void longLinesLargerThanTheBufferRoundTrip() throws IOException {
        String huge = "x".repeat(3_000_000);
        var e = Event.of(dev.asynclab.engine.event.EventType.LOG, 1, 1, 0, "big").withValue(huge).withSeqAndTime(0, 0);
        Path file = AuditTestLogs.write(dir.resolve("long.jsonl"), AuditTestLogs.header(), List.of(e));

        assertThat(AuditLogReader.read(file).events()).containsExactly(e);
        assertThat(AuditVerifier.verify(file).ok()).isTrue();
    }

    private Path withLine(int lineNumber, String line) throws IOException {
        Path file = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        var lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(lineNumber - 1, line);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
