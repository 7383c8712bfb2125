package dev.asynclab.lab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclab.lab.audit.AuditTestLogs;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The JFR export is read by the JDK's own readers (`jdk.jfr.consumer.RecordingFile` and the `jfr` tool) and by
/// JDK Mission Control's parser (`org.openjdk.jmc:flightrecorder`, what the JMC application opens files with).
class JfrExporterTest {

    @TempDir
    Path dir;

    @Test
    void recordingFileReadsEachAttemptAsADurationEventOnItsWorkerAtTheLogsTimes() throws IOException {
        Path jfr = export();

        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<RecordedEvent> attempts = events.stream()
                .filter(e -> e.getEventType().getName().equals("asynclab.Attempt")).toList();

        assertThat(attempts).extracting(e -> e.getString("callback") + "/" + e.getString("outcome") + "#"
                        + e.getInt("attempt") + "@" + e.getThread().getJavaName())
                .containsExactly("fetch-user/SUCCEEDED#1@w0", "save-order/FAILED#1@w1", "save-order/TIMED_OUT#2@w1",
                        "cache/SUCCEEDED#1@w2");
        RecordedEvent first = attempts.getFirst();
        assertThat(first.getStartTime()).isEqualTo(AuditTestLogs.START.plusNanos(2_000));
        assertThat(first.getDuration()).isEqualTo(Duration.ofMillis(50));
        assertThat(first.getLong("invocation")).isEqualTo(1);
        RecordedEvent failed = attempts.get(1);
        assertThat(failed.getString("errorType")).isEqualTo("IOException");
        assertThat(failed.getString("errorMessage")).isEqualTo("connection reset:\n\t\"peer\" said \\no\\ — ünïcödé ✓ 😀");
        assertThat(failed.getLong("group")).isEqualTo(7);
        assertThat(failed.getDuration("waited")).isEqualTo(Duration.ofMillis(10));
        assertThat(failed.getEventType().getCategoryNames()).containsExactly("Async Lab", "Attempts");
        assertThat(failed.getEventType().getLabel()).isEqualTo("Attempt");
    }

    @Test
    void recordingFileReadsGhostsGroupsMarkersAndLoad() throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(export());

        RecordedEvent late = only(events, "asynclab.LateFinish");
        assertThat(late.getThread().getJavaName()).isEqualTo("w1");
        assertThat(late.getStartTime()).isEqualTo(AuditTestLogs.START.plusNanos(280_000_100));
        assertThat(late.getDuration()).isEqualTo(Duration.ofMillis(25));
        RecordedEvent group = only(events, "asynclab.Group");
        assertThat(group.getString("name") + " " + group.getString("kind") + " " + group.getString("outcome"))
                .isEqualTo("data-fetch race SUCCEEDED");
        assertThat(group.getDuration()).isEqualTo(Duration.ofMillis(5));
        assertThat(events.stream().filter(e -> e.getEventType().getName().equals("asynclab.Marker"))
                .map(e -> e.getString("kind") + "@" + e.getThread().getJavaName()))
                .containsExactly("RETRY_SCHEDULED@queue", "TIMED_OUT@w1", "CANCELLED@queue", "REJECTED@queue",
                        "LOG@w2");
        assertThat(events.stream().filter(e -> e.getEventType().getName().equals("asynclab.Load"))
                .map(e -> e.getInt("active") + "/" + e.getInt("queued")))
                .containsExactly("1/0", "0/0", "0/1", "1/0", "0/0", "1/0", "0/0", "1/0", "0/0");
    }

    @Test
    void theJdksJfrToolPrintsAndSummarizesTheExport() throws Exception {
        Path jfr = export();

        String summary = jfrTool("summary", jfr.toString());
        JsonNode printed = new ObjectMapper().readTree(jfrTool("print", "--json", "--events", "asynclab.Attempt",
                jfr.toString()));

        assertThat(summary).contains("asynclab.Attempt", "asynclab.Marker", "asynclab.LateFinish");
        assertThat(summary.lines().filter(l -> l.trim().startsWith("asynclab.Attempt")).findFirst().orElseThrow()
                .trim().split("\\s+")[1]).isEqualTo("4");
        List<JsonNode> attempts = new ArrayList<>();
        printed.get("recording").get("events").forEach(attempts::add);
        assertThat(attempts).extracting(e -> e.get("values").get("callback").asText() + "/"
                + e.get("values").get("outcome").asText()).containsExactly("fetch-user/SUCCEEDED", "save-order/FAILED",
                "save-order/TIMED_OUT", "cache/SUCCEEDED");
        assertThat(attempts.getFirst().get("values").get("startTime").asText()).startsWith("2026-11-24T14:15:15.1234");
        assertThat(attempts.getFirst().get("values").get("eventThread").get("javaName").asText()).isEqualTo("w0");
    }

    @Test
    void jdkMissionControlsParserLoadsEveryEventTypeWithItsThreadAndTimes() throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(export().toFile());

        Map<String, Long> counts = new TreeMap<>();
        List<String> attempts = new ArrayList<>();
        for (IItemIterable iterable : items) {
            IType<IItem> type = iterable.getType();
            counts.merge(type.getIdentifier(), iterable.getItemCount(), Long::sum);
            if (type.getIdentifier().equals("asynclab.Attempt")) {
                var start = JfrAttributes.START_TIME.getAccessor(type);
                var duration = JfrAttributes.DURATION.getAccessor(type);
                var thread = JfrAttributes.EVENT_THREAD.getAccessor(type);
                for (IItem item : iterable) {
                    attempts.add(thread.getMember(item).getThreadName() + " "
                            + start.getMember(item).longValueIn(UnitLookup.EPOCH_NS) + " "
                            + duration.getMember(item).longValueIn(UnitLookup.NANOSECOND));
                }
            }
        }

        assertThat(counts).containsEntry("asynclab.Attempt", 4L).containsEntry("asynclab.Marker", 5L)
                .containsEntry("asynclab.LateFinish", 1L).containsEntry("asynclab.Group", 1L)
                .containsEntry("asynclab.Load", 9L);
        long start = AuditTestLogs.START.getEpochSecond() * 1_000_000_000L + AuditTestLogs.START.getNano();
        assertThat(attempts).contains("w0 " + (start + 2_000) + " 50000000", "w1 " + (start + 180_000_100)
                + " 100000000");
    }

    private static RecordedEvent only(List<RecordedEvent> events, String type) {
        var matching = events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private Path export() throws IOException {
        Path log = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        Path jfr = dir.resolve("audit.jfr");
        JfrExporter.export(log, jfr);
        return jfr;
    }

    /// Runs the `jfr` tool of the JDK running the tests and returns what it printed.
    private String jfrTool(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jfr").toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("jfr-" + args[0] + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
