package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// Merges the audit logs of several processes into one event sequence ordered by wall time (each header's
/// start plus `t`), as if one run: each process becomes a lane group (its workers are prefixed with its label —
/// the header's `label`, else its scenario — as in `checkout/w3`), invocation and group ids are offset per file so they stay distinct, and `seq` is renumbered.
/// Ties keep the order of the inputs, then each file's own order. Each process's `RUN_FINISHED` is moved to the
/// end, after every process's last event, and kept only if every process finished: the merged run finishes once,
/// when all of them have (a `RUN_FINISHED` in the middle said the run was over while the other processes' calls
/// were still open, and `verify` called every merged log of overlapping processes broken).
///
/// ```java
/// MergedAuditLog merged = AuditLogMerger.merge(List.of(Path.of("a.jsonl"), Path.of("b.jsonl")));
/// ```
public final class AuditLogMerger {

    private AuditLogMerger() {
    }

    /// Reads and merges `files` (at least one).
    ///
    /// @throws AuditLogException when one of them cannot be read
    public static MergedAuditLog merge(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: no audit logs given");
        }
        var logs = new ArrayList<AuditLog>();
        for (Path f : files) {
            logs.add(AuditLogReader.read(f));
        }
        Instant start = logs.stream().map(l -> l.header().start()).min(Instant::compareTo).orElseThrow();
        var sources = sources(files, logs, start);
        return new MergedAuditLog(header(logs, start), interleave(logs, sources), sources);
    }

    private static List<MergedAuditLog.Source> sources(List<Path> files, List<AuditLog> logs, Instant start) {
        var sources = new ArrayList<MergedAuditLog.Source>();
        Set<String> labels = new HashSet<>();
        long idOffset = 0;
        for (int i = 0; i < logs.size(); i++) {
            AuditLog log = logs.get(i);
            String label = uniqueLabel(labelOf(log.header()), labels);
            long offset = Duration.between(start, log.header().start()).toNanos();
            sources.add(new MergedAuditLog.Source(files.get(i), label, log.header(), offset, idOffset,
                    log.truncation()));
            long maxId = 0;
            for (Event e : log.events()) {
                maxId = Math.max(maxId, Math.max(e.id(), e.group()));
            }
            idOffset += maxId;
        }
        return sources;
    }

    /// The process's label: the header's, else its scenario's name, which says what ran (two runs' logs are
    /// often both called `audit.jsonl`). A `/` would end the label early in `label/worker`, so it becomes `-`.
    private static String labelOf(AuditHeader header) {
        String label = header.label() != null && !header.label().isBlank() ? header.label() : header.scenario();
        return label.replace('/', '-');
    }

    private static String uniqueLabel(String label, Set<String> taken) {
        String candidate = label;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = label + "#" + n;
        }
        return candidate;
    }

    private static AuditHeader header(List<AuditLog> logs, Instant start) {
        AuditHeader first = logs.getFirst().header();
        var runIds = new ArrayList<String>();
        var scenarios = new ArrayList<String>();
        String clock = first.clock();
        for (AuditLog log : logs) {
            runIds.add(log.header().runId());
            if (!scenarios.contains(log.header().scenario())) {
                scenarios.add(log.header().scenario());
            }
            if (!log.header().clock().equals(clock)) {
                clock = "mixed";
            }
        }
        return AuditHeader.of("merged:" + String.join("+", runIds), String.join(" + ", scenarios), start,
                first.engineVersion(), clock, first.seed());
    }

    /// A k-way merge: each log is already ordered by `t`, and k is small, so a linear pick per event is enough.
    private static List<Event> interleave(List<AuditLog> logs, List<MergedAuditLog.Source> sources) {
        int k = logs.size();
        int[] cursor = new int[k];
        int total = logs.stream().mapToInt(l -> l.events().size()).sum();
        var out = new ArrayList<Event>(total);
        var finished = new ArrayList<Event>(); // each process's RUN_FINISHED, with its source, written last
        var finishedBy = new ArrayList<MergedAuditLog.Source>();
        long seq = 0;
        for (long n = 0; n < total; n++) {
            int pick = -1;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < k; i++) {
                List<Event> events = logs.get(i).events();
                if (cursor[i] < events.size()) {
                    long wall = sources.get(i).offsetNanos() + events.get(cursor[i]).t();
                    if (pick < 0 || wall < best) {
                        pick = i;
                        best = wall;
                    }
                }
            }
            Event e = logs.get(pick).events().get(cursor[pick]++);
            if (e.type() == EventType.RUN_FINISHED) {
                finished.add(e);
                finishedBy.add(sources.get(pick));
                continue;
            }
            out.add(relabel(e, sources.get(pick), seq++, best));
        }
        if (new HashSet<>(finishedBy).size() == k) {
            long last = out.isEmpty() ? 0 : out.getLast().t();
            for (int i = 0; i < k; i++) {
                long t = Math.max(last, finishedBy.get(i).offsetNanos() + finished.get(i).t());
                out.add(relabel(finished.get(i), finishedBy.get(i), seq++, t));
                last = t;
            }
        }
        return out;
    }

    private static Event relabel(Event e, MergedAuditLog.Source source, long seq, long t) {
        long off = source.idOffset();
        return new Event(seq, t, e.type(), e.id() == 0 ? 0 : e.id() + off, e.attempt(),
                e.group() == 0 ? 0 : e.group() + off, e.name(),
                e.worker() == null ? null : source.label() + "/" + e.worker(), e.duration(), e.errorType(),
                e.errorMessage(), e.value(), e.queueDepth(), e.kind(), e.parentGroup() == 0 ? 0 : e.parentGroup() + off,
                e.seed(), e.poolSize());
    }
}
