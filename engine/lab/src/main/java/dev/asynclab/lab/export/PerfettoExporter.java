package dev.asynclab.lab.export;

import com.google.protobuf.CodedOutputStream;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.EventSource;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.DebugAnnotation;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TracePacket;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TrackDescriptor;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TrackEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// Exports a log as a Perfetto trace: Perfetto's native protobuf format (a `Trace` of `TracePacket`s with
/// TrackEvents), which ui.perfetto.dev and Perfetto's trace processor open as such, not as "legacy JSON".
///
/// What it draws (the tracks are described in [PerfettoTracks]): a slice per attempt on its worker's track from
/// start to end, named after the callback, with its outcome as category and id, attempt, group, outcome and error
/// as arguments; the ghost of a late finish on the worker's `late` track; each queue wait on the `queue`
/// track; each race, parallel and retry group on the `groups` track; instants for timeouts, cancels, rejections,
/// retry scheduling and log lines; `active` and `queued` counters. Flows: the slices of one group — its own and
/// those of its attempts and nested groups — share a flow id (the group's id), and Perfetto links slices that
/// share an id in time order: a retry group to its first attempt and each attempt to the next, a race or
/// parallel group to its members.
/// Timestamps are the log's `t`, nanoseconds since the run started.
///
/// ```java
/// PerfettoExporter.export(Path.of("audit.jsonl"), Path.of("audit.perfetto-trace"));
/// ```
public final class PerfettoExporter {

    /// All packets share one sequence: the file is written by one writer, in one pass.
    private static final int SEQUENCE = 1;

    private final CodedOutputStream out;
    private final PerfettoTracks tracks;
    private final AttemptAssembler attempts = new AttemptAssembler(this::attempt);
    private final LanePacker lanes = new LanePacker();
    private final GroupTracker groups = new GroupTracker();
    /// The lane of `groups` each open group is drawn on.
    private final Map<Long, Integer> groupLanes = new HashMap<>();
    private boolean first = true;
    private int active;
    private int queued;
    private long lastT;

    private PerfettoExporter(CodedOutputStream out, String runName) {
        this.out = out;
        this.tracks = new PerfettoTracks(runName, this::describe);
    }

    /// Reads `log` as a stream and writes the trace to `trace`.
    ///
    /// @throws dev.asynclab.lab.audit.AuditLogException when the log cannot be read
    public static void export(Path log, Path trace) throws IOException {
        try (var reader = AuditLogReader.open(log); var out = Files.newOutputStream(trace)) {
            export(reader.header(), reader::forEach, out);
        }
    }

    /// Writes the trace of `events` to `out` (left open).
    public static void export(AuditHeader header, EventSource events, OutputStream out) throws IOException {
        var coded = CodedOutputStream.newInstance(out, 1 << 16);
        var exporter = new PerfettoExporter(coded, ExportNames.runName(header));
        try {
            exporter.tracks.process(null);
            events.forEach(exporter::accept);
            exporter.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        coded.flush();
    }

    private void accept(Event e) {
        lastT = e.t();
        attempts.accept(e);
        switch (e.type()) {
            case TIMED_OUT, CANCELLED, REJECTED, RETRY_SCHEDULED, LOG -> instant(e);
            case LATE_FINISH -> ghost(e);
            case GROUP_STARTED -> groupStarted(groups.started(e));
            case GROUP_FINISHED -> groupFinished(groups.finish(e.group()), e.t(), e.value());
            default -> {
                // part of an attempt, or not drawn
            }
        }
        counters(e.t());
    }

    private void finish() {
        attempts.finish();
        for (long group : groups.openGroups()) {
            groupFinished(groups.finish(group), lastT, null);
        }
    }

    private void attempt(Attempt a) {
        long waitFrom = a.submitted() >= 0 ? a.submitted() : a.queued();
        long waitUntil = a.started() >= 0 ? a.started() : a.ended();
        if (a.queued() >= 0 && waitFrom >= 0 && waitUntil > waitFrom) {
            long lane = tracks.queue(lanes.place("queue", waitFrom, waitUntil));
            slice(lane, waitFrom, waitUntil, event("queued " + ExportNames.label(a.name()), "queue")
                    .addDebugAnnotations(number("id", a.id())));
        }
        if (a.started() < 0) {
            return;
        }
        long end = a.ended() >= 0 ? a.ended() : lastT;
        long track = tracks.worker(a.worker(), lanes.place("worker\0" + a.worker(), a.started(), end));
        String outcome = a.outcome() == null ? "UNFINISHED" : a.outcome().name();
        TrackEvent.Builder begin = event(ExportNames.label(a.name()), outcome)
                .addDebugAnnotations(number("id", a.id()))
                .addDebugAnnotations(number("attempt", a.attempt()))
                .addDebugAnnotations(text("outcome", outcome));
        if (a.group() != 0) {
            begin.addDebugAnnotations(number("group", a.group())).addFlowIds(a.group());
        }
        if (a.errorType() != null) {
            begin.addDebugAnnotations(text("errorType", a.errorType()));
        }
        if (a.errorMessage() != null) {
            begin.addDebugAnnotations(text("errorMessage", a.errorMessage()));
        }
        slice(track, a.started(), end, begin);
    }

    /// How long a callback kept running after its timeout or cancel, on its worker's ghost track.
    private void ghost(Event e) {
        String worker = attempts.overrunWorker(e.id());
        if (worker == null) {
            worker = e.worker();
        }
        long from = Math.max(0, e.t() - Math.max(0, e.duration()));
        long track = tracks.ghost(worker, lanes.place("ghost\0" + worker, from, e.t()));
        slice(track, from, e.t(), event("late " + ExportNames.label(e.name()), "LATE_FINISH")
                .addDebugAnnotations(number("id", e.id()))
                .addDebugAnnotations(number("overrunNanos", Math.max(0, e.duration()))));
    }

    /// A group's slice begins as the group starts, so that it is the first slice of its flow in the file as well
    /// as in time (Perfetto takes the first slice carrying a flow id as the flow's source, ties in file order).
    /// It carries its own id as flow id, which its attempts (and nested groups) carry too, and its parent's.
    private void groupStarted(GroupTracker.Group group) {
        int lane = lanes.place("groups", group.started(), Long.MAX_VALUE);
        groupLanes.put(group.id(), lane);
        TrackEvent.Builder begin = event(group.kind() + " " + ExportNames.label(group.name()), "group")
                .setType(TrackEvent.Type.TYPE_SLICE_BEGIN).setTrackUuid(tracks.groups(lane))
                .addDebugAnnotations(number("group", group.id()))
                .addDebugAnnotations(text("kind", group.kind()))
                .addFlowIds(group.id());
        if (group.parent() != 0) {
            begin.addFlowIds(group.parent());
        }
        packet(group.started(), begin);
    }

    /// Ends a group's slice; its outcome goes on the END, which Perfetto merges into the slice's arguments.
    private void groupFinished(GroupTracker.Group group, long end, String outcome) {
        if (group == null) {
            return;
        }
        int lane = groupLanes.remove(group.id());
        lanes.end("groups", lane, end);
        TrackEvent.Builder last = TrackEvent.newBuilder().setType(TrackEvent.Type.TYPE_SLICE_END)
                .setTrackUuid(tracks.groups(lane));
        if (outcome != null) {
            last.addDebugAnnotations(text("outcome", outcome));
        }
        packet(end, last);
    }

    private void instant(Event e) {
        long track = e.worker() != null ? tracks.worker(e.worker(), 0) : tracks.queue(0);
        TrackEvent.Builder instant = event(e.type() + " " + ExportNames.label(e.name()), e.type().name())
                .setType(TrackEvent.Type.TYPE_INSTANT).setTrackUuid(track)
                .addDebugAnnotations(number("id", e.id()))
                .addDebugAnnotations(number("attempt", e.attempt()));
        if (e.duration() >= 0) {
            instant.addDebugAnnotations(number("durationNanos", e.duration()));
        }
        if (e.errorType() != null) {
            instant.addDebugAnnotations(text("errorType", e.errorType()));
        }
        if (e.errorMessage() != null) {
            instant.addDebugAnnotations(text("errorMessage", e.errorMessage()));
        }
        if (e.value() != null) {
            instant.addDebugAnnotations(text("value", e.value()));
        }
        packet(e.t(), instant);
    }

    private void counters(long t) {
        if (attempts.active() != active) {
            active = attempts.active();
            packet(t, TrackEvent.newBuilder().setType(TrackEvent.Type.TYPE_COUNTER)
                    .setTrackUuid(tracks.counter("active")).setCounterValue(active));
        }
        if (attempts.queued() != queued) {
            queued = attempts.queued();
            packet(t, TrackEvent.newBuilder().setType(TrackEvent.Type.TYPE_COUNTER)
                    .setTrackUuid(tracks.counter("queued")).setCounterValue(queued));
        }
    }

    /// A slice as a BEGIN and an END on `track`. Both are written when the slice is complete, so packets are not
    /// in time order; Perfetto sorts them on import, and the lanes keep slices on one track from overlapping.
    ///
    /// Why ties cannot break nesting: a lane takes a slice only if it starts when or after every slice placed
    /// there before has ended, and slices are written as they are placed; so where one ends as the next begins,
    /// the END comes first in the file, and Perfetto keeps file order among equal timestamps.
    private void slice(long track, long start, long end, TrackEvent.Builder begin) {
        packet(start, begin.setType(TrackEvent.Type.TYPE_SLICE_BEGIN).setTrackUuid(track));
        packet(end, TrackEvent.newBuilder().setType(TrackEvent.Type.TYPE_SLICE_END).setTrackUuid(track));
    }

    private static TrackEvent.Builder event(String name, String category) {
        return TrackEvent.newBuilder().setName(name).addCategories(category);
    }

    private static DebugAnnotation number(String name, long value) {
        return DebugAnnotation.newBuilder().setName(name).setIntValue(value).build();
    }

    private static DebugAnnotation text(String name, String value) {
        return DebugAnnotation.newBuilder().setName(name).setStringValue(value).build();
    }

    private void describe(TrackDescriptor track) {
        write(sequenced().setTrackDescriptor(track).build());
    }

    private void packet(long t, TrackEvent.Builder event) {
        write(sequenced().setTimestamp(t).setTrackEvent(event).build());
    }

    /// Every packet names the sequence; the first also says that it starts the sequence's state.
    private TracePacket.Builder sequenced() {
        var packet = TracePacket.newBuilder().setTrustedPacketSequenceId(SEQUENCE);
        if (first) {
            packet.setSequenceFlags(TracePacket.SequenceFlags.SEQ_INCREMENTAL_STATE_CLEARED_VALUE);
            first = false;
        }
        return packet;
    }

    /// One packet as field 1 of `Trace` (`repeated TracePacket packet = 1`), so the file is a `Trace` message
    /// without the whole trace ever being held in memory.
    private void write(TracePacket packet) {
        try {
            out.writeMessage(1, packet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
