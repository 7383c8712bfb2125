package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// `RUN_STARTED` and `GROUP_STARTED` carry typed fields (clock, seed, pool size; group kind and parent), written
/// as their own keys; a log written before them, which said the same in `value`, reads as if typed.
class StartEventFieldsTest {

    /// Written by the writer as it was before the typed fields (same format version 1), kept as a file so that
    /// what the writer does today cannot change it.
    private static final Path OLDER_LOG = Path.of("src", "test", "resources", "logs", "format1-untyped-starts.jsonl");

    @TempDir
    Path dir;

    @Test
    void typedStartFieldsAreWrittenAsTheirOwnKeysAndReadBackEqual() throws IOException {
        var run = Event.runStarted("Pool saturation", "simulated", -7, 4).withSeqAndTime(0, 0);
        var group = Event.groupStarted(12, "data-fetch", "hedged", 3).withSeqAndTime(1, 5);
        Path file = AuditTestLogs.write(dir.resolve("a.jsonl"), AuditTestLogs.header(), List.of(run, group));

        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(1)).matches("\\{\"seq\":0,\"t\":0,\"type\":\"RUN_STARTED\",\"name\":\"Pool saturation\","
                + "\"kind\":\"simulated\",\"seed\":-7,\"poolSize\":4,\"h\":\"[0-9a-f]{16}\"}");
        assertThat(lines.get(2)).matches("\\{\"seq\":1,\"t\":5,\"type\":\"GROUP_STARTED\",\"group\":12,"
                + "\"name\":\"data-fetch\",\"kind\":\"hedged\",\"parentGroup\":3,\"h\":\"[0-9a-f]{16}\"}");
        assertThat(AuditLogReader.read(file).events()).containsExactly(run, group);
    }

    @Test
    void anOlderLogsStartValuesReadAsTypedFields() {
        List<Event> events = AuditLogReader.read(OLDER_LOG).events();

        Event run = events.get(0);
        assertThat(run.kind()).isEqualTo("simulated");
        assertThat(run.seed()).isEqualTo(42);
        assertThat(run.poolSize()).isEqualTo(2);
        assertThat(run.value()).as("kept as the file has it").isEqualTo("simulated seed=42 pool=2");
        assertThat(events.get(1).kind()).isEqualTo("race");
        assertThat(events.get(1).parentGroup()).isZero();
        assertThat(events.get(2).kind()).isEqualTo("parallel");
        assertThat(events.get(2).parentGroup()).isEqualTo(1);
        assertThat(events.subList(3, events.size())).allSatisfy(e -> assertThat(e.kind()).isNull());
    }

    @Test
    void anOlderLogStillVerifies() {
        VerificationReport report = AuditVerifier.verify(OLDER_LOG);

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.events()).isEqualTo(9);
    }

    @Test
    void metricsTakeThePoolSizeFromAnOlderLog() {
        var metrics = new RunMetrics(0);
        AuditLogReader.read(OLDER_LOG).events().forEach(metrics::onEvent);

        // one callback busy for the whole 40 ms run on a pool of 2: half the pool used
        assertThat(metrics.summary().utilization()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void unparseableOlderValuesLeaveTheFieldsAbsent() {
        var odd = Event.of(dev.asynclab.engine.event.EventType.RUN_STARTED, 0, 0, 0, "x")
                .withValue("seed=forty-two pool=? clock=real");

        Event typed = LegacyStartValue.typed(odd);

        assertThat(typed.kind()).isNull();
        assertThat(typed.seed()).isZero();
        assertThat(typed.poolSize()).isEqualTo(-1);
    }
}
