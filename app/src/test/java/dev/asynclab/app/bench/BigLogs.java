package dev.asynclab.app.bench;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/// Big audit logs for the benchmarks, written as a stream: one `SyntheticRun` piece of `PIECE` events, again and
/// again, each copy shifted
/// to start where the last one ended (seq, time, ids and groups), so that the log is one run of gap-free seqs and
/// unique ids, and no more than one piece is ever in memory.
final class BigLogs {

    static final int PIECE = 500_000;

    private BigLogs() {
    }

    /// Writes about `events` events (whole pieces: a little more) to `file`; returns how many.
    static long write(Path file, long events, long seed) throws IOException {
        long seq = 0;
        long timeOffset = 0;
        long idOffset = 0;
        try (AuditLogWriter writer = new AuditLogWriter(file, AuditHeader.of("bench-" + events, "synthetic pool",
                Instant.EPOCH, "bench", AuditHeader.CLOCK_SIMULATED, seed))) {
            // One piece made once and written again and again, shifted: making it takes longer than writing it.
            List<Event> run = new SyntheticRun(16, 4_000, 50_000, seed).events(PIECE);
            for (long piece = 0; seq < events; piece++) {
                boolean last = seq + run.size() >= events;
                long maxId = 0;
                long lastT = 0;
                for (Event e : run) {
                    if ((e.type() == EventType.RUN_STARTED && piece > 0)
                            || (e.type() == EventType.RUN_FINISHED && !last)) {
                        continue;
                    }
                    long t = e.t() + timeOffset;
                    writer.onEvent(new Event(seq++, t, e.type(), shift(e.id(), idOffset), e.attempt(),
                            shift(e.group(), idOffset), e.name(), e.worker(), e.duration(), e.errorType(),
                            e.errorMessage(), e.value(), e.queueDepth(), e.kind(), e.parentGroup(), e.seed(),
                            e.poolSize()));
                    maxId = Math.max(maxId, e.id());
                    lastT = t;
                }
                // The next piece starts a little after this one's last event, with ids past its last.
                timeOffset = lastT + 1_000;
                idOffset += maxId;
            }
            return writer.eventsWritten();
        }
    }

    private static long shift(long id, long offset) {
        return id == 0 ? 0 : id + offset;
    }
}
