package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.util.List;
import java.util.Optional;

/// A whole audit log read into memory.
///
/// ```java
/// AuditLog log = AuditLogReader.read(Path.of("audit.jsonl"));
/// log.truncation().ifPresent(t -> System.err.println(t.describe()));
/// ```
///
/// @param header     the first line
/// @param events     every whole record, in file order
/// @param truncation the cut-off last line, when the writer stopped mid-line
public record AuditLog(AuditHeader header, List<Event> events, Optional<Truncation> truncation) {

    public AuditLog {
        events = List.copyOf(events);
    }
}
