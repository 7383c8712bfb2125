package dev.asynclab.lab.export;

import dev.asynclab.lab.audit.AuditHeader;

/// Names the exporters share, so a run reads the same in every tool.
final class ExportNames {

    /// The lane (Chrome thread, Perfetto track, JFR thread) for what happened on no worker: queueing, rejections,
    /// cancels before start, retry scheduling, groups and load.
    static final String QUEUE = "queue";

    private ExportNames() {
    }

    /// The run's own process: the header's label if it has one, else its scenario.
    static String runName(AuditHeader header) {
        return header.label() != null ? header.label() : header.scenario();
    }

    /// A callback's or group's name, or `(unnamed)`.
    static String label(String name) {
        return name == null ? "(unnamed)" : name;
    }
}
