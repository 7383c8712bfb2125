package dev.asynclab.lab.advise;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.audit.AuditHeader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One pass over an audit log's events that keeps what a workload fit needs ([Recorded]). Feed it in `seq`
/// order, then call [#result()].
final class LogFold {

    private static final Pattern MAX_ATTEMPTS = Pattern.compile("\\bof (\\d+)");
    private static final long MS = 1_000_000;

    private final AuditHeader header;
    private final int cores;
    private final Map<Long, Open> open = new HashMap<>();
    private final Map<Long, Censored> cutShort = new HashMap<>(); // id -> the observation a LATE_FINISH completes
    private final Map<String, PerName> names = new LinkedHashMap<>();
    private final Map<Long, Boolean> timedOutIds = new HashMap<>();
    private final List<long[]> freeSlotStarts = new ArrayList<>(); // {start lag, exec}
    private final List<long[]> runsByLoad = new ArrayList<>();      // {running others at start, exec}
    private int poolSize;
    private int deepestQueue;
    private boolean rejected;
    private int running;
    /// Submitted and not yet started nor ended: the queue a starting call finds (in the pool's queue, or holding a
    /// slot while every CPU is taken).
    private int waiting;
    private int peakRunning;
    private int groups;
    private long firstT = -1;
    private long lastT;

    LogFold(AuditHeader header, int cores) {
        this.header = header;
        this.cores = cores;
    }

    private static final class Open {
        final String name;
        final int attempt;
        final long submitted;
        boolean queued;
        long started = -1;
        int runningAtStart;
        int waitingAtStart;

        Open(Event e) {
            name = e.name();
            attempt = e.attempt();
            submitted = e.t();
        }
    }

    private record Censored(PerName owner, int index, long exec) {
    }

    private static final class PerName {
        final String name;
        final List<Long> arrivals = new ArrayList<>();
        final List<Long> exec = new ArrayList<>();
        final List<Integer> waitingAtStart = new ArrayList<>();
        final List<Boolean> finished = new ArrayList<>();
        final Map<String, Long> errors = new LinkedHashMap<>();
        final Map<Integer, List<Long>> retryDelays = new TreeMap<>();
        long failed;
        long completed;
        long cancelled;
        long timeout = Long.MAX_VALUE;
        int maxAttempts = 1;
        boolean retriedTimeouts;

        PerName(String name) {
            this.name = name;
        }
    }

    void accept(Event e) {
        if (firstT < 0) {
            firstT = e.t();
        }
        lastT = Math.max(lastT, e.t());
        switch (e.type()) {
            case RUN_STARTED -> {
                if (e.poolSize() > 0) {
                    poolSize = e.poolSize();
                }
            }
            case POOL_RESIZED -> {
                if (e.value() != null && e.value().matches("\\d+")) {
                    poolSize = Integer.parseInt(e.value());
                }
            }
            case GROUP_STARTED -> {
                if (e.kind() != null && !e.kind().equals("retry")) {
                    groups++;
                }
            }
            case SUBMITTED -> {
                if (open.put(e.id(), new Open(e)) == null) {
                    waiting++;
                }
                if (e.attempt() <= 1) {
                    perName(e.name()).arrivals.add(e.t());
                }
                if (e.attempt() > 1 && timedOutIds.containsKey(e.group())) {
                    perName(e.name()).retriedTimeouts = true;
                }
            }
            case QUEUED -> {
                Open o = open.get(e.id());
                if (o != null) {
                    o.queued = true;
                }
                deepestQueue = Math.max(deepestQueue, e.queueDepth());
            }
            case STARTED -> {
                Open o = open.get(e.id());
                if (o != null && o.started < 0) {
                    o.started = e.t();
                    o.runningAtStart = running;
                    waiting--;
                    o.waitingAtStart = waiting;
                }
                running++;
                peakRunning = Math.max(peakRunning, running);
            }
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> end(e);
            case RETRY_SCHEDULED -> {
                PerName p = perName(e.name());
                if (e.duration() >= 0) {
                    p.retryDelays.computeIfAbsent(e.attempt(), k -> new ArrayList<>()).add(e.duration());
                }
                Matcher m = e.value() == null ? null : MAX_ATTEMPTS.matcher(e.value());
                if (m != null && m.find()) {
                    p.maxAttempts = Math.max(p.maxAttempts, Integer.parseInt(m.group(1)));
                }
            }
            case LATE_FINISH -> {
                // The work that ignored its interrupt has now really ended: its full length is known after all.
                Censored c = cutShort.remove(e.id());
                if (c != null && e.duration() >= 0) {
                    long full = c.exec + e.duration();
                    c.owner.exec.set(c.index, full);
                    c.owner.finished.set(c.index, true);
                }
            }
            default -> {
                // LOG, GROUP_FINISHED, RUN_FINISHED say nothing about the workload
            }
        }
    }

    private void end(Event e) {
        Open o = open.remove(e.id());
        if (o != null && o.started < 0) {
            waiting--;
        }
        PerName p = perName(e.name());
        p.maxAttempts = Math.max(p.maxAttempts, e.attempt());
        if (e.type() == EventType.REJECTED) {
            rejected = true;
            return;
        }
        if (o == null || o.started < 0) {
            return; // cancelled or timed out before it started: nothing is known of its work
        }
        running--;
        long exec = e.duration() >= 0 ? e.duration() : e.t() - o.started;
        boolean done = e.type() == EventType.SUCCEEDED || e.type() == EventType.FAILED;
        int index = p.exec.size();
        p.exec.add(exec);
        p.waitingAtStart.add(o.waitingAtStart);
        p.finished.add(done);
        runsByLoad.add(new long[] {o.runningAtStart, exec});
        if (!o.queued) {
            freeSlotStarts.add(new long[] {o.started - o.submitted, exec});
        }
        switch (e.type()) {
            case SUCCEEDED -> p.completed++;
            case FAILED -> {
                p.completed++;
                p.failed++;
                p.errors.merge(e.errorType() + "\u0000" + (e.errorMessage() == null ? "" : e.errorMessage()), 1L,
                        Long::sum);
            }
            case TIMED_OUT -> {
                p.timeout = Math.min(p.timeout, exec);
                timedOutIds.put(e.group(), true);
                cutShort.put(e.id(), new Censored(p, index, exec));
            }
            default -> {
                p.cancelled++;
                cutShort.put(e.id(), new Censored(p, index, exec));
            }
        }
    }

    private PerName perName(String name) {
        return names.computeIfAbsent(name == null ? "?" : name, PerName::new);
    }

    Recorded result() {
        List<Recorded.Callback> callbacks = new ArrayList<>();
        for (PerName p : names.values()) {
            if (p.arrivals.isEmpty()) {
                continue;
            }
            long[] exec = p.exec.stream().mapToLong(Long::longValue).toArray();
            int[] waitingAtStart = p.waitingAtStart.stream().mapToInt(Integer::intValue).toArray();
            boolean[] fin = new boolean[exec.length];
            for (int i = 0; i < fin.length; i++) {
                fin[i] = p.finished.get(i);
            }
            long timeout = p.timeout == Long.MAX_VALUE ? 0 : p.timeout >= MS ? p.timeout / MS * MS : p.timeout;
            callbacks.add(new Recorded.Callback(p.name, p.arrivals.stream().mapToLong(Long::longValue).sorted()
                    .toArray(), exec, waitingAtStart, fin, p.failed, p.completed, Map.copyOf(p.errors), timeout, p.cancelled,
                    Map.copyOf(p.retryDelays), p.maxAttempts, p.retriedTimeouts));
        }
        return new Recorded(header.scenario(), header.clock(), poolSize, rejected ? deepestQueue : -1,
                Math.max(0, lastT - firstT), callbacks, contention(), groups);
    }

    private Recorded.Contention contention() {
        long[] runs = runsByLoad.stream().mapToLong(r -> r[1]).sorted().toArray();
        long median = runs.length == 0 ? 0 : runs[runs.length / 2];
        long lateBound = Math.max(MS, median / 10);
        long late = freeSlotStarts.stream().filter(f -> f[0] > lateBound).count();
        long[] alone = runsByLoad.stream().filter(r -> r[0] < cores).mapToLong(r -> r[1]).sorted().toArray();
        long[] crowded = runsByLoad.stream().filter(r -> r[0] >= cores).mapToLong(r -> r[1]).sorted().toArray();
        double slowdown = alone.length < 20 || crowded.length < 20 ? Double.NaN
                : (double) crowded[crowded.length / 2] / Math.max(1, alone[alone.length / 2]);
        return new Recorded.Contention(peakRunning, late, freeSlotStarts.size(), slowdown);
    }
}
