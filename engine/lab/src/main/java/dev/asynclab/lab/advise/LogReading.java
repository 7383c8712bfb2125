package dev.asynclab.lab.advise;

import dev.asynclab.lab.audit.AuditLogReader;

import java.nio.file.Path;

/// Reads an audit log into the observations a fit needs, in one streaming pass.
///
/// ```java
/// Recorded run = LogReading.read(Path.of("audit.jsonl"), Runtime.getRuntime().availableProcessors());
/// ```
public final class LogReading {

    private LogReading() {
    }

    /// @param cores the recording machine's cores, to tell CPU contention apart
    /// @throws dev.asynclab.lab.audit.AuditLogException when the log cannot be read (file, line, what)
    public static Recorded read(Path log, int cores) {
        try (var reader = AuditLogReader.open(log)) {
            var fold = new LogFold(reader.header(), cores);
            reader.forEach(fold::accept);
            return fold.result();
        }
    }
}
