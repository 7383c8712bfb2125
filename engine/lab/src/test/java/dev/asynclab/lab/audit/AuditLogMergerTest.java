package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuditLogMergerTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void mergesTwoProcessesByWallTimeWithLaneGroupsAndDistinctIds() throws IOException {
        Path api = AuditTestLogs.write(dir.resolve("api.jsonl"), AuditTestLogs.header().withLabel("api"), List.of(
                ev(EventType.SUBMITTED, 1, null, 0, 0),
                ev(EventType.STARTED, 1, "w0", 1, 10 * MS),
                ev(EventType.SUCCEEDED, 1, "w0", 2, 30 * MS)));
        AuditHeader later = new AuditHeader(AuditHeader.FORMAT, 1, "run-2", "worker", AuditTestLogs.START.plusMillis(5),
                "0.1.0", AuditHeader.CLOCK_REAL, 7, null);
        Path worker = AuditTestLogs.write(dir.resolve("worker.jsonl"), later, List.of(
                ev(EventType.SUBMITTED, 1, null, 0, 0),
                ev(EventType.STARTED, 1, "w0", 1, MS),
                ev(EventType.SUCCEEDED, 1, "w0", 2, 20 * MS)));

        MergedAuditLog merged = AuditLogMerger.merge(List.of(api, worker));

        assertThat(merged.events()).extracting(Event::seq, Event::t, Event::type, Event::id, Event::worker)
                .containsExactly(
                        tuple(0L, 0L, EventType.SUBMITTED, 1L, null),
                        tuple(1L, 5 * MS, EventType.SUBMITTED, 2L, null),
                        tuple(2L, 6 * MS, EventType.STARTED, 2L, "worker/w0"),
                        tuple(3L, 10 * MS, EventType.STARTED, 1L, "api/w0"),
                        tuple(4L, 25 * MS, EventType.SUCCEEDED, 2L, "worker/w0"),
                        tuple(5L, 30 * MS, EventType.SUCCEEDED, 1L, "api/w0"));
        assertThat(merged.sources()).extracting(MergedAuditLog.Source::label, MergedAuditLog.Source::offsetNanos,
                MergedAuditLog.Source::idOffset).containsExactly(tuple("api", 0L, 0L), tuple("worker", 5 * MS, 1L));
        assertThat(merged.header().start()).isEqualTo(AuditTestLogs.START);
        assertThat(merged.header().runId()).isEqualTo("merged:run-1+run-2");
        assertThat(merged.header().clock()).isEqualTo("mixed");

        Path out = dir.resolve("merged.jsonl");
        merged.writeTo(out);
        assertThat(AuditVerifier.verify(out).ok()).isTrue();
        assertThat(AuditLogReader.read(out).events()).isEqualTo(merged.events());
    }

    @Test
    void sameLabelsAreMadeDistinct() throws IOException {
        Path a = AuditTestLogs.write(dir.resolve("a.jsonl"), AuditTestLogs.header().withLabel("svc"),
                List.of(ev(EventType.STARTED, 1, "w0", 0, 0)));
        Path b = AuditTestLogs.write(dir.resolve("b.jsonl"), AuditTestLogs.header().withLabel("svc"),
                List.of(ev(EventType.STARTED, 1, "w0", 0, 0)));

        MergedAuditLog merged = AuditLogMerger.merge(List.of(a, b));

        assertThat(merged.events()).extracting(Event::worker).containsExactly("svc/w0", "svc#2/w0");
    }

    @Test
    void unlabelledLogsAreNamedAfterTheirScenarioNotTheirFile() throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("a"));
        java.nio.file.Files.createDirectories(dir.resolve("b"));
        Path a = AuditTestLogs.write(dir.resolve("a/audit.jsonl"), AuditTestLogs.header(),
                List.of(ev(EventType.STARTED, 1, "w0", 0, 0)));
        Path b = AuditTestLogs.write(dir.resolve("b/audit.jsonl"), new AuditHeader(AuditHeader.FORMAT, 1, "run-2",
                        "checkout/v2", AuditTestLogs.START, "0.1.0", AuditHeader.CLOCK_REAL, 7, null),
                List.of(ev(EventType.STARTED, 1, "w0", 0, 0)));

        MergedAuditLog merged = AuditLogMerger.merge(List.of(a, b));

        assertThat(merged.events()).extracting(Event::worker)
                .containsExactly("Pool saturation/w0", "checkout-v2/w0");
    }

    private static Event ev(EventType type, long id, String worker, long seq, long t) {
        return Event.of(type, id, 1, 0, "call").withWorker(worker).withSeqAndTime(seq, t);
    }
}
