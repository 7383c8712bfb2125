package dev.asynclab.app.cli;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.VerificationReport;

import java.nio.file.Path;
import java.util.function.Consumer;

/// An audit log read by a command that reports on it (`summarize`, `explain`), its hash chain and invariants
/// checked in the same pass. A report on a log that was edited after it was written, or whose events break the
/// engine's rules, used to read as if nothing were wrong (exit 0); it now says so in one line naming the first bad
/// line, still reports what the log holds (every whole record, as `verify` would read on past an edit), and the
/// command exits 1, as the README's exit codes promise for a broken log.
///
/// @param scenario the header's scenario name
/// @param report   what the check found
record CheckedLog(String scenario, VerificationReport report) {

    /// Reads `log`, handing every whole record to `events`, and says on `say` what is wrong with it, if anything:
    /// a broken chain or invariant as a warning, a cut-off last line as a note.
    static CheckedLog read(Path log, Output say, Consumer<? super Event> events) {
        String[] scenario = {""};
        VerificationReport report = AuditVerifier.read(log, header -> scenario[0] = header.scenario(), events);
        if (!report.ok()) {
            say.problem("warning: " + log + ": " + report.summary()
                    + " (what follows reads the log as it is; `asynclab verify` checks it)");
        } else {
            report.truncation().ifPresent(t -> say.problem("note: " + t.describe()));
        }
        return new CheckedLog(scenario[0], report);
    }

    /// The command's exit code: `otherwise` for a sound log, [Cli#PROBLEMS] for a broken one.
    int exitCode(int otherwise) {
        return report.ok() ? otherwise : Cli.PROBLEMS;
    }
}
