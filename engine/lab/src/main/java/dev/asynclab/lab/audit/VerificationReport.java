package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.EventType;

import java.util.Map;
import java.util.Optional;

/// What [AuditVerifier] found. When `ok` is false, `firstBadLine` and `reason` say where the log stops being
/// trustworthy; everything after that line is unchecked. A cut-off last line leaves `ok` true and is reported
/// in `truncation`.
///
/// ```java
/// VerificationReport r = AuditVerifier.verify(path);
/// System.out.println(r.summary());   // "line 812: hash mismatch (edited, removed or reordered)"
/// ```
///
/// @param ok           the chain and every invariant hold up to the last whole line
/// @param firstBadLine the first line that fails, from 1; 0 when `ok`
/// @param reason       one line, starting with "line N: ", or empty when `ok`
/// @param truncation   the cut-off last line, if any
/// @param lines        lines read, header and blank lines included (up to the first bad line when not `ok`)
/// @param events       records checked
/// @param invocations  distinct invocation ids that reached a terminal event
/// @param finished     the log has a RUN_FINISHED event (only then are missing terminal events a failure)
/// @param counts       events per type
public record VerificationReport(boolean ok, long firstBadLine, String reason, Optional<Truncation> truncation,
                                 long lines, long events, long invocations, boolean finished,
                                 Map<EventType, Long> counts) {

    public VerificationReport {
        counts = Map.copyOf(counts);
    }

    /// One line for a person: the reason when not ok, else the counts (and the truncation, when there is one).
    public String summary() {
        if (!ok) {
            return reason;
        }
        var s = new StringBuilder("ok: ").append(String.format("%,d events, %,d invocations", events, invocations))
                .append(finished ? ", run finished" : ", no RUN_FINISHED (the run was cut short or is still going)");
        truncation.ifPresent(t -> s.append("; ").append(t.describe()));
        return s.toString();
    }
}
