package dev.asynclab.lab.audit;

import java.time.Instant;
import java.util.Objects;

/// The first line of an audit log: what produced it and when. `t` in the records counts from `start`.
///
/// ```java
/// var header = AuditHeader.of("run-7", "Pool saturation", Instant.now(), "0.1.0", AuditHeader.CLOCK_SIMULATED, 42)
///         .withLabel("checkout-service");
/// ```
///
/// @param format        always [#FORMAT]
/// @param version       the format version, [#VERSION] for what this engine writes
/// @param runId         identifies the run
/// @param scenario      the scenario's name (or the program's, for an embedded engine)
/// @param start         wall-clock time at `t = 0`, written as ISO-8601
/// @param engineVersion the version of the engine that wrote the log
/// @param clock         [#CLOCK_REAL] or [#CLOCK_SIMULATED]
/// @param seed          the run's random seed
/// @param label         names the process when logs of several processes are merged; null when not set
public record AuditHeader(String format, int version, String runId, String scenario, Instant start,
                          String engineVersion, String clock, long seed, String label) {

    public static final String FORMAT = "asynclab-audit";
    /// Version 2 added the resilience policies' event types (`CIRCUIT_OPENED` … `BUDGET_EXHAUSTED`) and the
    /// refusing policy in a `REJECTED` event's value; readers still read version 1.
    public static final int VERSION = 2;
    public static final String CLOCK_REAL = "real";
    public static final String CLOCK_SIMULATED = "simulated";

    public AuditHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(clock, "clock");
    }

    /// A header in the current format, without a process label.
    public static AuditHeader of(String runId, String scenario, Instant start, String engineVersion, String clock,
                                 long seed) {
        return new AuditHeader(FORMAT, VERSION, runId, scenario, start, engineVersion, clock, seed, null);
    }

    public AuditHeader withLabel(String label) {
        return new AuditHeader(format, version, runId, scenario, start, engineVersion, clock, seed, label);
    }

    public boolean isSimulated() {
        return CLOCK_SIMULATED.equals(clock);
    }
}
