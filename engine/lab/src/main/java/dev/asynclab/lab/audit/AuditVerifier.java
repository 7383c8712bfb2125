package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/// Checks an audit log: the hash chain from the header on (so an edited, removed or reordered line is named),
/// gap-free `seq`, `t` never decreasing, exactly one terminal event per invocation (none missing once the run
/// has RUN_FINISHED, none doubled), and LATE_FINISH only after its invocation's terminal event.
///
/// ```java
/// VerificationReport r = AuditVerifier.verify(Path.of("audit.jsonl"));
/// if (!r.ok()) System.err.println(r.reason());   // line 812: hash mismatch (edited, removed or reordered)
/// ```
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /// Verifies `file`. A malformed line is a failed report naming it, like any other problem.
    ///
    /// @throws AuditLogException when the file cannot be read or does not start with an audit log header
    public static VerificationReport verify(Path file) {
        try (var reader = AuditLogReader.open(file)) {
            var checks = new LogInvariants(reader.headerHash(), reader.headerDeclaredHash());
            long[] lastLine = {1};
            try {
                reader.visit((event, line, buf, start, hashedEnd, declaredHash) -> {
                    lastLine[0] = line;
                    if (!checks.check(event, line, buf, start, hashedEnd, declaredHash)) {
                        throw Stop.INSTANCE;
                    }
                });
            } catch (Stop stop) {
                return checks.report(Optional.empty(), lastLine[0]);
            } catch (AuditLogException e) {
                checks.fail(e.line(), "column " + e.column() + ": malformed: " + e.problem());
                return checks.report(Optional.empty(), e.line());
            }
            long lines = reader.truncation().map(Truncation::line).orElse(lastLine[0]);
            return checks.report(reader.truncation(), lines);
        }
    }

    /// Reads and verifies `file` in one pass, handing every whole record to `events` as it goes (a replay needs
    /// both, and a large log should be read once). Unlike [#verify(Path)] it reads on past the first failed check,
    /// so a log with one edited line still replays whole; it stops at a malformed line (nothing after it can be
    /// trusted to parse), which the report names.
    ///
    /// ```java
    /// List<Event> events = new ArrayList<>();
    /// VerificationReport r = AuditVerifier.read(path, h -> System.out.println(h.scenario()), events::add);
    /// ```
    ///
    /// @throws AuditLogException when the file cannot be read or does not start with an audit log header
    public static VerificationReport read(Path file, Consumer<? super AuditHeader> header,
                                          Consumer<? super Event> events) {
        try (var reader = AuditLogReader.open(file)) {
            header.accept(reader.header());
            var checks = new LogInvariants(reader.headerHash(), reader.headerDeclaredHash());
            long[] lastLine = {1};
            long[] badLine = {0};
            try {
                reader.visit((event, line, buf, start, hashedEnd, declaredHash) -> {
                    lastLine[0] = line;
                    if (badLine[0] == 0 && !checks.check(event, line, buf, start, hashedEnd, declaredHash)) {
                        badLine[0] = line;
                    }
                    events.accept(event);
                });
            } catch (AuditLogException e) {
                checks.fail(e.line(), "column " + e.column() + ": malformed: " + e.problem());
                return checks.report(Optional.empty(), e.line());
            }
            if (badLine[0] != 0) {
                return checks.report(Optional.empty(), badLine[0]);
            }
            long lines = reader.truncation().map(Truncation::line).orElse(lastLine[0]);
            return checks.report(reader.truncation(), lines);
        }
    }

    /// Ends the read at the first failure: nothing after it is checked.
    private static final class Stop extends RuntimeException {
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }
}
