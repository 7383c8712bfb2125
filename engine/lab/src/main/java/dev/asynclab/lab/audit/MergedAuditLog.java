package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// Several processes' audit logs as one run (see [AuditLogMerger]).
///
/// ```java
/// MergedAuditLog merged = AuditLogMerger.merge(List.of(Path.of("api.jsonl"), Path.of("worker.jsonl")));
/// merged.writeTo(Path.of("merged.jsonl"));
/// ```
///
/// @param header  a header for the whole: the earliest start, the run ids and scenarios joined
/// @param events  every event, ordered by wall time, `seq` renumbered from 0, `t` from `header.start()`
/// @param sources what each input contributed and how it was renumbered
public record MergedAuditLog(AuditHeader header, List<Event> events, List<Source> sources) {

    public MergedAuditLog {
        events = List.copyOf(events);
        sources = List.copyOf(sources);
    }

    /// One input log.
    ///
    /// @param file        where it was read from
    /// @param label       the lane-group prefix its workers got (`label/w3`)
    /// @param header      its own header
    /// @param offsetNanos how much later than the merged start it started; added to its `t`
    /// @param idOffset    added to its invocation ids (and group ids) so they stay distinct
    /// @param truncation  its cut-off last line, if any
    public record Source(Path file, String label, AuditHeader header, long offsetNanos, long idOffset,
                         Optional<Truncation> truncation) {
    }

    /// Writes the merged events as a new audit log with a fresh hash chain.
    public void writeTo(Path file) throws IOException {
        try (var writer = new AuditLogWriter(file, header)) {
            for (Event e : events) {
                writer.onEvent(e);
            }
        }
    }
}
