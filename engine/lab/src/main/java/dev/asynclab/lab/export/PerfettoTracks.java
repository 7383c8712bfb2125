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
/// - a track per worker (`w3`), with extra lanes (`w3 #2`) only if two attempts of one worker overlap;
/// - a track per worker for late-finish ghosts (`w3 late`, `w3 late #2`…), which overlap what the worker does next;
/// - under the run's process: `queue`, whose lanes (`queue #1`…) hold the waits side by side and which itself holds
///   what happened on no worker (rejections, cancels before start, retry scheduling); `groups`, whose lanes hold
///   race, parallel and retry groups; and the counters `active` and `queued`.
///
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

    /// `worker`'s track, or its `lane`-th extra lane.
    long worker(String worker, int lane) {
        String name = workerName(worker) + (lane == 0 ? "" : " #" + (lane + 1));
        return child("worker\0" + worker + "\0" + lane, process(worker), name);
    }

    /// The `lane`-th track of `worker`'s late-finish ghosts.
    long ghost(String worker, int lane) {
        String name = workerName(worker) + " late" + (lane == 0 ? "" : " #" + (lane + 1));
        return child("ghost\0" + worker + "\0" + lane, process(worker), name);
    }

    /// The queue's own track, for events on no worker.
    long queue() {
        return child("queue", process(null), ExportNames.QUEUE);
    }

    /// The `lane`-th lane of queue waits, under the queue's track.
    long queueLane(int lane) {
        return child("queue\0" + lane, queue(), "queue #" + (lane + 1));
    }

    /// The `lane`-th lane of groups, under a `groups` track.
    long groupLane(int lane) {
        long parent = child("groups", process(null), "groups");
        return child("groups\0" + lane, parent, "groups #" + (lane + 1));
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
