package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// A log whose hash chain is intact can still break the log's own rules: `seq` without gaps, `t` never
/// decreasing, exactly one terminal event per invocation (checked at RUN_FINISHED), LATE_FINISH only after it.
/// `verify` names the first line that does.
class LogInvariantsTest {

    @TempDir
    Path dir;

    @Test
    void aGapInSeqIsNamed() throws IOException {
        Path file = log(submitted(1).withSeqAndTime(0, 0), started(1).withSeqAndTime(1, 5),
                succeeded(1).withSeqAndTime(3, 9));

        assertFirstBad(file, 4, "line 4: seq 3 where 2 was expected (seq must have no gaps)");
    }

    @Test
    void timeGoingBackwardsIsNamed() throws IOException {
        Path file = log(submitted(1).withSeqAndTime(0, 10), started(1).withSeqAndTime(1, 9));

        assertFirstBad(file, 3, "line 3: t 9 is before the previous event's 10 (t never decreases)");
    }

    @Test
    void aSecondTerminalEventIsNamedWithTheFirst() throws IOException {
        Path file = log(submitted(1).withSeqAndTime(0, 0), succeeded(1).withSeqAndTime(1, 1),
                Event.of(EventType.TIMED_OUT, 1, 1, 0, "x").withSeqAndTime(2, 2));

        assertFirstBad(file, 4, "line 4: a second terminal event (TIMED_OUT) for id 1; its first was at line 3");
    }

    @Test
    void aMissingTerminalEventFailsAtRunFinished() throws IOException {
        Path file = log(submitted(1).withSeqAndTime(0, 0), submitted(2).withSeqAndTime(1, 1),
                started(2).withSeqAndTime(2, 2), succeeded(1).withSeqAndTime(3, 3),
                submitted(3).withSeqAndTime(4, 4),
                Event.of(EventType.RUN_FINISHED, 0, 0, 0, "run").withSeqAndTime(5, 5));

        assertFirstBad(file, 7, "line 7: the run finished but id 2 (opened at line 3) has no terminal event "
                + "(nor have 1 more)");
    }

    @Test
    void anUnfinishedRunMayHaveOpenInvocations() throws IOException {
        Path file = log(submitted(1).withSeqAndTime(0, 0), started(1).withSeqAndTime(1, 1));

        VerificationReport r = AuditVerifier.verify(file);

        assertThat(r.ok()).isTrue();
        assertThat(r.finished()).isFalse();
        assertThat(r.summary()).contains("no RUN_FINISHED");
    }

    @Test
    void aLateFinishBeforeItsTerminalEventIsNamed() throws IOException {
        Path file = log(submitted(1).withSeqAndTime(0, 0),
                Event.of(EventType.LATE_FINISH, 1, 1, 0, "x").withDuration(5).withSeqAndTime(1, 1));

        assertFirstBad(file, 3, "line 3: LATE_FINISH for id 1 before any terminal event of that id");
    }

    private void assertFirstBad(Path file, long line, String reason) {
        VerificationReport r = AuditVerifier.verify(file);
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(line);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.summary()).isEqualTo(reason);
    }

    private Path log(Event... events) throws IOException {
        return AuditTestLogs.write(dir.resolve("small.jsonl"), AuditTestLogs.header(), List.of(events));
    }

    private static Event submitted(long id) {
        return Event.of(EventType.SUBMITTED, id, 1, 0, "x");
    }

    private static Event started(long id) {
        return Event.of(EventType.STARTED, id, 1, 0, "x").withWorker("w0");
    }

    private static Event succeeded(long id) {
        return Event.of(EventType.SUCCEEDED, id, 1, 0, "x").withWorker("w0");
    }
}
