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

/// `asynclab merge` of processes that overlap in time gives a log `verify` holds sound. Each process's
/// `RUN_FINISHED` used to stay where it fell, so the first process to finish ended the merged run while the other's
/// calls were open: "the run finished but id 2 … has no terminal event", and `summarize` of any such merge exited 1.
class MergedRunFinishesOnceTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void theMergedRunFinishesAfterEveryProcessHas() throws IOException {
        Path shortRun = AuditTestLogs.write(dir.resolve("a.jsonl"), AuditTestLogs.header().withLabel("a"), List.of(
                ev(EventType.SUBMITTED, 1, null, 0, 0),
                ev(EventType.STARTED, 1, "w0", 1, 0),
                ev(EventType.SUCCEEDED, 1, "w0", 2, 10 * MS),
                Event.of(EventType.RUN_FINISHED, 0, 0, 0, "a").withSeqAndTime(3, 10 * MS)));
        Path longRun = AuditTestLogs.write(dir.resolve("b.jsonl"), AuditTestLogs.header().withLabel("b"), List.of(
                ev(EventType.SUBMITTED, 1, null, 0, 5 * MS),
                ev(EventType.STARTED, 1, "w0", 1, 5 * MS),
                ev(EventType.SUCCEEDED, 1, "w0", 2, 50 * MS),
                Event.of(EventType.RUN_FINISHED, 0, 0, 0, "b").withSeqAndTime(3, 60 * MS)));

        MergedAuditLog merged = AuditLogMerger.merge(List.of(shortRun, longRun));

        assertThat(merged.events()).extracting(Event::seq, Event::t, Event::type, Event::name).containsExactly(
                tuple(0L, 0L, EventType.SUBMITTED, "call"),
                tuple(1L, 0L, EventType.STARTED, "call"),
                tuple(2L, 5 * MS, EventType.SUBMITTED, "call"),
                tuple(3L, 5 * MS, EventType.STARTED, "call"),
                tuple(4L, 10 * MS, EventType.SUCCEEDED, "call"),
                tuple(5L, 50 * MS, EventType.SUCCEEDED, "call"),
                // both kept, last, in time order
                tuple(6L, 50 * MS, EventType.RUN_FINISHED, "a"),
                tuple(7L, 60 * MS, EventType.RUN_FINISHED, "b"));
        Path out = dir.resolve("merged.jsonl");
        merged.writeTo(out);
        VerificationReport report = AuditVerifier.verify(out);
        assertThat(report.ok()).as(report.summary()).isTrue();
    }

    @Test
    void aMergeWithAProcessStillRunningHasNotFinished() throws IOException {
        Path done = AuditTestLogs.write(dir.resolve("a.jsonl"), AuditTestLogs.header().withLabel("a"), List.of(
                ev(EventType.SUBMITTED, 1, null, 0, 0),
                ev(EventType.SUCCEEDED, 1, "w0", 1, 10 * MS),
                Event.of(EventType.RUN_FINISHED, 0, 0, 0, "a").withSeqAndTime(2, 10 * MS)));
        Path live = AuditTestLogs.write(dir.resolve("b.jsonl"), AuditTestLogs.header().withLabel("b"), List.of(
                ev(EventType.SUBMITTED, 1, null, 0, 5 * MS)));

        MergedAuditLog merged = AuditLogMerger.merge(List.of(done, live));

        assertThat(merged.events()).extracting(Event::type)
                .containsExactly(EventType.SUBMITTED, EventType.SUBMITTED, EventType.SUCCEEDED);
        Path out = dir.resolve("merged.jsonl");
        merged.writeTo(out);
        assertThat(AuditVerifier.verify(out).ok()).isTrue();
    }

    private static Event ev(EventType type, long id, String worker, long seq, long t) {
        return Event.of(type, id, 1, 0, "call").withWorker(worker).withSeqAndTime(seq, t);
    }
}
