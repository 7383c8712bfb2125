package dev.asynclab.lab.export;

import dev.asynclab.lab.export.perfetto.PerfettoTrace.CounterDescriptor;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.ProcessDescriptor;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.TrackDescriptor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/// The tracks of a Perfetto export, each described (a TrackDescriptor handed to `out`) the first time it is used:
///
/// - a process track per lane group (the run's scenario, or each merged log's label), and under it
/// - a track per worker (`w3`);
/// - a track per worker for late-finish ghosts (`w3 late`), which overlap what the worker does next;
/// - under the run's process: `queue`, for the waits and for what happened on no worker (rejections, cancels
///   before start, retry scheduling); `groups`, for race, parallel, hedged and retry groups; and the counters
///   `active` and `queued`.
///
/// A track holds slices that nest, so where slices of one row overlap (queue waits, groups, ghosts; a worker's
/// attempts only in a strange log), the row has several tracks, its lanes (see [LanePacker]), all with the row's
/// name: Perfetto's UI shows sibling tracks of one name as one track, their slices side by side.
/// Track uuids count from 1; process ids too.
final class PerfettoTracks {

    private final String runName;
    private final Consumer<TrackDescriptor> out;
    private final Map<String, Long> uuids = new HashMap<>();
    private final Map<String, Integer> pids = new HashMap<>();
    private long lastUuid;

    PerfettoTracks(String runName, Consumer<TrackDescriptor> out) {
        this.runName = runName;
        this.out = out;
    }

    /// The process track of `worker`'s lane group (the run's for null or an unprefixed worker).
    long process(String worker) {
        String process = processName(worker);
        Long uuid = uuids.get("process\0" + process);
        if (uuid != null) {
            return uuid;
        }
        int pid = pids.size() + 1;
        pids.put(process, pid);
        return describe("process\0" + process, TrackDescriptor.newBuilder()
                .setProcess(ProcessDescriptor.newBuilder().setPid(pid).setProcessName(process)));
    }

    /// Lane `lane` of `worker`'s track.
    long worker(String worker, int lane) {
        return child("worker\0" + worker + "\0" + lane, process(worker), workerName(worker));
    }

    /// Lane `lane` of `worker`'s late-finish ghosts.
    long ghost(String worker, int lane) {
        return child("ghost\0" + worker + "\0" + lane, process(worker), workerName(worker) + " late");
    }

    /// Lane `lane` of the queue; lane 0 also holds what happened on no worker.
    long queue(int lane) {
        return child("queue\0" + lane, process(null), ExportNames.QUEUE);
    }

    /// Lane `lane` of the groups.
    long groups(int lane) {
        return child("groups\0" + lane, process(null), "groups");
    }

    /// A counter track of the run (`active`, `queued`).
    long counter(String name) {
        String key = "counter\0" + name;
        Long uuid = uuids.get(key);
        if (uuid != null) {
            return uuid;
        }
        return describe(key, TrackDescriptor.newBuilder().setParentUuid(process(null)).setName(name)
                .setCounter(CounterDescriptor.newBuilder().setUnit(CounterDescriptor.Unit.UNIT_COUNT)));
    }

    private long child(String key, long parent, String name) {
        Long uuid = uuids.get(key);
        if (uuid != null) {
            return uuid;
        }
        return describe(key, TrackDescriptor.newBuilder().setParentUuid(parent).setName(name));
    }

    private long describe(String key, TrackDescriptor.Builder track) {
        long uuid = ++lastUuid;
        uuids.put(key, uuid);
        out.accept(track.setUuid(uuid).build());
        return uuid;
    }

    private String processName(String worker) {
        int slash = worker == null ? -1 : worker.indexOf('/');
        return slash < 0 ? runName : worker.substring(0, slash);
    }

    private static String workerName(String worker) {
        if (worker == null) {
            return "?";
        }
        int slash = worker.indexOf('/');
        return slash < 0 ? worker : worker.substring(slash + 1);
    }
}
