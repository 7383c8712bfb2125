package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.EventSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/// Exports a log as a JFR recording (`.jfr`) that JDK Mission Control, `jfr print`, `jfr summary` and
/// `jdk.jfr.consumer.RecordingFile` open, with the log's own times: an event's start is the log's `start` plus
/// its `t`, not the time of the export.
///
/// Its event types, all in the category "Async Lab":
///
/// - `asynclab.Attempt`: an attempt that ran, a duration event on its worker (as the event's thread), with the
///   callback, invocation id, attempt, group, outcome, error type and message, and how long it waited before;
/// - `asynclab.LateFinish`: how long a callback kept running after its timeout or cancel, on its worker;
/// - `asynclab.Group`: a race, parallel or retry group, from its start to its end, with its kind and outcome;
/// - `asynclab.Marker`: an instant for a timeout, cancel, rejection, retry scheduling or log line;
/// - `asynclab.Load`: the attempts active and queued, whenever they change.
///
/// Events that happened on no worker (rejections, groups, load) are on a thread named `queue`.
///
/// ```java
/// JfrExporter.export(Path.of("audit.jsonl"), Path.of("audit.jfr"));
/// ```
public final class JfrExporter {

    private final JfrChunkWriter chunk;
    private final JfrMetadata.EventType attemptType;
    private final JfrMetadata.EventType lateType;
    private final JfrMetadata.EventType groupType;
    private final JfrMetadata.EventType markerType;
    private final JfrMetadata.EventType loadType;
    private final AttemptAssembler attempts = new AttemptAssembler(this::attempt);
    private final GroupTracker groups = new GroupTracker();
    private final JfrBuffer body = new JfrBuffer();
    private int active;
    private int queued;
    private long lastT;

    private JfrExporter(JfrMetadata metadata, JfrChunkWriter chunk) {
        this.chunk = chunk;
        attemptType = metadata.eventType("asynclab.Attempt", "Attempt",
                "One attempt of a callback, from its start on a worker to its end", "Attempts", true);
        attemptType.field("callback", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Callback");
        attemptType.field("invocation", JfrMetadata.LONG, false).annotation(JfrMetadata.LABEL, "Invocation Id");
        attemptType.field("attempt", JfrMetadata.INT, false).annotation(JfrMetadata.LABEL, "Attempt");
        attemptType.field("group", JfrMetadata.LONG, false).annotation(JfrMetadata.LABEL, "Group");
        attemptType.field("outcome", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Outcome");
        attemptType.field("errorType", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Error Type");
        attemptType.field("errorMessage", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Error Message");
        attemptType.field("waited", JfrMetadata.LONG, false).annotation(JfrMetadata.LABEL, "Waited")
                .annotation(JfrMetadata.TIMESPAN, "NANOSECONDS");
        lateType = metadata.eventType("asynclab.LateFinish", "Late Finish",
                "A callback that kept running after its timeout or cancel, until it returned", "Attempts", true);
        lateType.field("callback", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Callback");
        lateType.field("invocation", JfrMetadata.LONG, false).annotation(JfrMetadata.LABEL, "Invocation Id");
        groupType = metadata.eventType("asynclab.Group", "Group",
                "A race, parallel, hedged or retry group, from its start to its end", "Groups", true);
        groupType.field("name", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Name");
        groupType.field("group", JfrMetadata.LONG, false).annotation(JfrMetadata.LABEL, "Group");
        groupType.field("kind", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Kind");
        groupType.field("outcome", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Outcome");
        markerType = metadata.eventType("asynclab.Marker", "Marker",
                "A timeout, cancel, rejection, retry scheduling or log line", "Markers", false);
        markerType.field("kind", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Kind");
        markerType.field("callback", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Callback");
        markerType.field("invocation", JfrMetadata.LONG, false).annotation(JfrMetadata.LABEL, "Invocation Id");
        markerType.field("attempt", JfrMetadata.INT, false).annotation(JfrMetadata.LABEL, "Attempt");
        markerType.field("errorType", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Error Type");
        markerType.field("errorMessage", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Error Message");
        markerType.field("value", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Value");
        loadType = metadata.eventType("asynclab.Load", "Load",
                "Attempts running and waiting in the queue, after a change", "Load", false);
        loadType.field("active", JfrMetadata.INT, false).annotation(JfrMetadata.LABEL, "Active");
        loadType.field("queued", JfrMetadata.INT, false).annotation(JfrMetadata.LABEL, "Queued");
    }

    /// Reads `log` as a stream and writes the recording to `jfr`.
    ///
    /// @throws dev.asynclab.lab.audit.AuditLogException when the log cannot be read
    public static void export(Path log, Path jfr) throws IOException {
        try (var reader = AuditLogReader.open(log)) {
            export(reader.header(), reader::forEach, jfr);
        }
    }

    /// Writes the recording of `events` to `jfr`; the header gives the wall-clock start.
    public static void export(AuditHeader header, EventSource events, Path jfr) throws IOException {
        var metadata = new JfrMetadata();
        Instant start = header.start();
        long startNanos = Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L), start.getNano());
        try (var chunk = JfrChunkWriter.create(jfr, metadata, startNanos)) {
            var exporter = new JfrExporter(metadata, chunk);
            try {
                events.forEach(exporter::accept);
                exporter.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private void accept(Event e) {
        lastT = e.t();
        attempts.accept(e);
        switch (e.type()) {
            case TIMED_OUT, CANCELLED, REJECTED, RETRY_SCHEDULED, LOG -> marker(e);
            case LATE_FINISH -> late(e);
            case GROUP_STARTED -> groups.started(e);
            case GROUP_FINISHED -> group(groups.finish(e.group()), e.t(), e.value());
            default -> {
                // part of an attempt, or not recorded
            }
        }
        if (attempts.active() != active || attempts.queued() != queued) {
            active = attempts.active();
            queued = attempts.queued();
            body.clear().putVarLong(e.t()).putVarLong(chunk.thread(ExportNames.QUEUE))
                    .putVarLong(active).putVarLong(queued);
            write(loadType, e.t());
        }
    }

    private void finish() {
        attempts.finish();
        for (long group : groups.openGroups()) {
            group(groups.finish(group), lastT, null);
        }
    }

    private void attempt(Attempt a) {
        if (a.started() < 0) {
            return;
        }
        long end = a.ended() >= 0 ? a.ended() : lastT;
        long waitedFrom = a.submitted() >= 0 ? a.submitted() : a.queued();
        body.clear().putVarLong(a.started()).putVarLong(end - a.started())
                .putVarLong(chunk.thread(a.worker() == null ? "?" : a.worker()))
                .putString(a.name()).putVarLong(a.id()).putVarLong(a.attempt()).putVarLong(a.group())
                .putString(a.outcome() == null ? "UNFINISHED" : a.outcome().name())
                .putString(a.errorType()).putString(a.errorMessage())
                .putVarLong(waitedFrom >= 0 ? a.started() - waitedFrom : 0);
        write(attemptType, end);
    }

    private void late(Event e) {
        String worker = attempts.overrunWorker(e.id());
        if (worker == null) {
            worker = e.worker();
        }
        long overrun = Math.max(0, Math.min(e.t(), e.duration()));
        body.clear().putVarLong(e.t() - overrun).putVarLong(overrun)
                .putVarLong(chunk.thread(worker == null ? "?" : worker))
                .putString(e.name()).putVarLong(e.id());
        write(lateType, e.t());
    }

    private void group(GroupTracker.Group group, long end, String outcome) {
        if (group == null) {
            return;
        }
        body.clear().putVarLong(group.started()).putVarLong(end - group.started())
                .putVarLong(chunk.thread(ExportNames.QUEUE))
                .putString(group.name()).putVarLong(group.id()).putString(group.kind()).putString(outcome);
        write(groupType, end);
    }

    private void marker(Event e) {
        String thread = e.worker() != null ? e.worker() : ExportNames.QUEUE;
        body.clear().putVarLong(e.t()).putVarLong(chunk.thread(thread))
                .putString(e.type().name()).putString(e.name()).putVarLong(e.id()).putVarLong(e.attempt())
                .putString(e.errorType()).putString(e.errorMessage()).putString(e.value());
        write(markerType, e.t());
    }

    private void write(JfrMetadata.EventType type, long endTicks) {
        try {
            chunk.event(type.id, body, endTicks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
