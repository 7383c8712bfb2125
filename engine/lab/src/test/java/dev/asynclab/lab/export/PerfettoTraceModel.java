package dev.asynclab.lab.export;

import dev.asynclab.lab.export.perfetto.PerfettoTrace.DebugAnnotation;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.Trace;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TracePacket;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TrackDescriptor;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TrackEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A Perfetto trace read back with the generated parser and put together the way Perfetto's trace processor does:
/// packets sorted by timestamp (ties in file order), slices from BEGIN/END pairs nested per track, flows joining
/// the slices that carry one id in that order, counters as series per track. For the exporter's tests.
final class PerfettoTraceModel {

    record Slice(String track, String name, String category, long start, long end, Map<String, Object> args,
                 List<Long> flowIds, int order) {
        String label() {
            return name + "@" + track;
        }
    }

    record Flow(Slice from, Slice to) {
    }

    record Sample(long t, long value) {
    }

    final Map<Long, TrackDescriptor> tracks = new LinkedHashMap<>();
    final List<Slice> slices = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();
    final Map<String, List<Sample>> counters = new LinkedHashMap<>();
    final List<Slice> instants = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final int packetCount;

    private PerfettoTraceModel(Trace trace) {
        packetCount = trace.getPacketCount();
        var events = new ArrayList<Indexed>();
        for (int i = 0; i < trace.getPacketCount(); i++) {
            TracePacket p = trace.getPacket(i);
            if (p.getTrustedPacketSequenceId() != 1) {
                problems.add("packet " + i + " is not on sequence 1");
            }
            if (p.hasTrackDescriptor()) {
                if (tracks.put(p.getTrackDescriptor().getUuid(), p.getTrackDescriptor()) != null) {
                    problems.add("track " + p.getTrackDescriptor().getUuid() + " described twice");
                }
            } else if (p.hasTrackEvent()) {
                events.add(new Indexed(i, p));
            }
        }
        events.sort(Comparator.comparingLong((Indexed x) -> x.packet().getTimestamp()).thenComparingInt(Indexed::order));
        Map<Long, Deque<Indexed>> open = new HashMap<>();
        for (Indexed x : events) {
            TrackEvent e = x.packet().getTrackEvent();
            long t = x.packet().getTimestamp();
            if (!tracks.containsKey(e.getTrackUuid())) {
                problems.add("packet " + x.order() + " uses undescribed track " + e.getTrackUuid());
                continue;
            }
            switch (e.getType()) {
                case TYPE_SLICE_BEGIN -> open.computeIfAbsent(e.getTrackUuid(), u -> new ArrayDeque<>()).push(x);
                case TYPE_SLICE_END -> {
                    Deque<Indexed> stack = open.get(e.getTrackUuid());
                    if (stack == null || stack.isEmpty()) {
                        problems.add("END without BEGIN on " + name(e.getTrackUuid()) + " at " + t);
                        continue;
                    }
                    Indexed begin = stack.pop();
                    if (!stack.isEmpty()) {
                        problems.add("slices nest on " + name(e.getTrackUuid()) + " at " + t);
                    }
                    slices.add(slice(begin, t));
                }
                case TYPE_INSTANT -> instants.add(slice(x, t));
                case TYPE_COUNTER -> counters.computeIfAbsent(name(e.getTrackUuid()), n -> new ArrayList<>())
                        .add(new Sample(t, e.getCounterValue()));
                default -> problems.add("event of unknown type at " + t);
            }
        }
        open.forEach((track, stack) -> {
            if (!stack.isEmpty()) {
                problems.add("unterminated slice on " + name(track));
            }
        });
        slices.sort(Comparator.comparingLong(Slice::start).thenComparingInt(Slice::order));
        Map<Long, Slice> lastOfFlow = new HashMap<>();
        for (Slice s : slices) {
            for (long id : s.flowIds()) {
                Slice previous = lastOfFlow.put(id, s);
                if (previous != null) {
                    flows.add(new Flow(previous, s));
                }
            }
        }
    }

    static PerfettoTraceModel read(Path file) throws IOException {
        return new PerfettoTraceModel(Trace.parseFrom(Files.readAllBytes(file)));
    }

    /// A track's name as the UI shows it: its own name, or its process's.
    String name(long uuid) {
        TrackDescriptor d = tracks.get(uuid);
        return d.hasProcess() ? d.getProcess().getProcessName() : d.getName();
    }

    /// The names of `parent`'s child tracks, in the order they were described.
    List<String> children(String parent) {
        return tracks.values().stream().filter(d -> d.hasParentUuid() && name(d.getParentUuid()).equals(parent))
                .map(d -> name(d.getUuid())).toList();
    }

    List<Slice> slicesOn(String track) {
        return slices.stream().filter(s -> s.track().equals(track)).toList();
    }

    private Slice slice(Indexed begin, long end) {
        TrackEvent e = begin.packet().getTrackEvent();
        Map<String, Object> args = new LinkedHashMap<>();
        for (DebugAnnotation a : e.getDebugAnnotationsList()) {
            args.put(a.getName(), a.hasStringValue() ? a.getStringValue() : (Object) a.getIntValue());
        }
        return new Slice(name(e.getTrackUuid()), e.getName(), e.getCategoriesCount() > 0 ? e.getCategories(0) : null,
                begin.packet().getTimestamp(), end, args, e.getFlowIdsList(), begin.order());
    }

    private record Indexed(int order, TracePacket packet) {
    }
}
