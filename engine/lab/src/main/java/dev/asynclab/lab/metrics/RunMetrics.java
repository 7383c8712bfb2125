package dev.asynclab.lab.metrics;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.event.EventView;
import dev.asynclab.lab.lifecycle.Lifecycle;
import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/// Latency, execution time, queue wait, throughput and outcome counts from an event stream, per callback name
/// and overall, with HdrHistogram. Feed it live (it is an `EventSink`) or from a replayed log.
///
/// ```java
/// var metrics = new RunMetrics(4);                 // pool size, for utilization
/// AuditLogReader.read(path).events().forEach(metrics::onEvent);
/// RunSummary s = metrics.summary();
/// System.out.println(s.overall().latency().p99() / 1e6 + " ms p99");
/// ```
///
/// Not thread-safe: one thread feeds it (the event bus's writer does); `summary()` may be called from that
/// thread or after the run.
public final class RunMetrics implements EventSink {

    private static final EventType[] TYPES = EventType.values();

    private int poolSize;
    /// Forgetting: a run of millions of invocations holds only those in flight.
    private final Lifecycle lifecycle = Lifecycle.forgetting(new Transitions());
    private final Map<String, Series> byName = new HashMap<>();
    private Series lastSeries; // consecutive events mostly share a name: skip the map then
    /// What no name's series holds (events without a name, a breaker's events); the run's figures are this plus
    /// every series merged (`overall()`).
    private final Series unnamed = new Series("*");
    private final Map<Long, String> groupKinds = new HashMap<>();
    private final Map<String, java.util.List<Long>> examples = new TreeMap<>();
    private static final int EXAMPLES = 50;
    private long firstT = -1;
    private long lastT;
    private long events;
    private int active;
    private int queued;
    private int peakActive;
    private int peakQueued;
    private int inSystem;
    private double activeArea;
    private double inSystemArea;
    private long areaT = -1;

    /// @param poolSize the pool size, for utilization (0: take it from the run's RUN_STARTED event, if it says)
    public RunMetrics(int poolSize) {
        this.poolSize = poolSize;
        seePool(poolSize);
    }

    private int minPool;
    private int maxPool;

    private void seePool(int size) {
        if (size > 0) {
            minPool = minPool == 0 ? size : Math.min(minPool, size);
            maxPool = Math.max(maxPool, size);
        }
    }

    /// The figures of one callback name. What an invocation adds goes here only, not also into a run-wide copy:
    /// the run's own figures are these merged at `summary()` time (`sharedWith`), so the writer thread records each
    /// latency once rather than twice (per name and overall were six histogram updates per invocation, the largest
    /// part of this sink's time in a profile of a million-invocation simulation).
    private static final class Series {
        final String name;
        final Histogram latency = new Histogram(3);
        final Histogram execution = new Histogram(3);
        final Histogram queueWait = new Histogram(3);
        /// Counts named by an event type (SUBMITTED, SUCCEEDED, LATE_FINISH, ...), by the type's ordinal: two of them
        /// per invocation, each a hash lookup of the type's name before (a map's `get` was this sink's largest own
        /// cost in a JFR profile of a million-call simulation).
        final long[] typeCounts = new long[TYPES.length];
        /// Every other count (a group's outcome, a refusing policy), mutable: a boxed `Long` per counted event was an
        /// allocation per event on the writer thread.
        final Map<String, long[]> outcomes = new LinkedHashMap<>();
        /// A race's or parallel group's own latency and counts: this name's only, never the run's (null: none yet).
        Histogram groupLatency;
        Map<String, long[]> groupOutcomes;

        Series(String name) {
            this.name = name;
        }

        void count(EventType type) {
            typeCounts[type.ordinal()]++;
        }

        void count(String what) {
            long[] n = outcomes.get(what);
            if (n == null) {
                outcomes.put(what, n = new long[1]);
            }
            n[0]++;
        }

        void countForGroup(String what) {
            if (groupOutcomes == null) {
                groupOutcomes = new LinkedHashMap<>();
            }
            groupOutcomes.computeIfAbsent(what, k -> new long[1])[0]++;
        }

        void recordGroupLatency(long nanos) {
            if (groupLatency == null) {
                groupLatency = new Histogram(3);
            }
            groupLatency.recordValue(nanos);
        }

        /// Adds what this series shares with the run (not its groups' own figures) into `run`.
        void sharedWith(Series run) {
            run.latency.add(latency);
            run.execution.add(execution);
            run.queueWait.add(queueWait);
            for (int i = 0; i < typeCounts.length; i++) {
                run.typeCounts[i] += typeCounts[i];
            }
            outcomes.forEach((what, n) -> run.outcomes.computeIfAbsent(what, k -> new long[1])[0] += n[0]);
        }

        NameStats stats() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < typeCounts.length; i++) {
                if (typeCounts[i] > 0) {
                    counts.put(TYPES[i].name(), typeCounts[i]); // a name no free-form count uses: see count(String)
                }
            }
            outcomes.forEach((what, n) -> counts.merge(what, n[0], Long::sum));
            if (groupOutcomes != null) {
                groupOutcomes.forEach((what, n) -> counts.merge(what, n[0], Long::sum));
            }
            Histogram lat = latency;
            if (groupLatency != null) {
                lat = latency.copy();
                lat.add(groupLatency);
            }
            return new NameStats(name, LatencyStats.of(lat), LatencyStats.of(execution),
                    LatencyStats.of(queueWait), Collections.unmodifiableMap(counts)); // in a fixed order: types, then outcomes
        }
    }

    /// Reads each event in place from the bus's ring (see `EventSink.readsEventViews`): it keeps no event, only
    /// counts, times and names, so no `Event` is built for it (one per event was the largest allocation of a
    /// simulated run with metrics only).
    @Override
    public boolean readsEventViews() {
        return true;
    }

    @Override
    public void onEvent(Event e) {
        onEventView(e);
    }

    @Override
    public void onEventView(EventView e) {
        events++;
        if (firstT < 0) {
            firstT = e.t();
        }
        advanceArea(e.t());
        lastT = Math.max(lastT, e.t());
        if (e.type() == EventType.RUN_STARTED && poolSize == 0 && e.poolSize() > 0) {
            poolSize = e.poolSize(); // a replayed log says its pool size in its first event
            seePool(poolSize);
        }
        if (e.type() == EventType.POOL_RESIZED && e.value() != null) {
            poolSize = resizedTo(e.value(), poolSize);
            seePool(poolSize);
        }
        if (e.type() == EventType.GROUP_STARTED) {
            String kind = e.kind() == null ? "" : e.kind();
            groupKinds.put(e.group(), kind);
            return;
        }
        if (e.type() == EventType.GROUP_FINISHED) {
            String kind = groupKinds.remove(e.group());
            if (kind != null && !kind.equals("retry")) {
                boolean ok = "SUCCEEDED".equals(e.value());
                Series group = series(e.name());
                count(group, ok ? "GROUP_SUCCEEDED" : "GROUP_FAILED"); // a count the run's figures keep too
                if (!ok) {
                    example(kind.toUpperCase() + "_FAILED", e.name(), e.group());
                }
                groupFigures(group, e);
            }
            return;
        }
        switch (e.type()) {
            // A breaker's events carry the breaker's name, not a callback's: they count for the run only.
            case CIRCUIT_OPENED, CIRCUIT_HALF_OPENED, CIRCUIT_CLOSED -> {
                unnamed.count(e.type());
                example(e.type().name(), e.name(), e.seq());
                return;
            }
            case RATE_LIMITED, FALLBACK_USED, FAULT_INJECTED, BUDGET_EXHAUSTED -> {
                count(series(e.name()), e.type());
                if (e.id() != 0) {
                    example(e.type().name(), e.name(), e.id());
                }
            }
            case REJECTED -> {
                if (e.value() != null) {
                    count(series(e.name()), "REJECTED_BY:" + e.value()); // the policy that refused it
                }
            }
            case RETRY_SCHEDULED -> count(series(e.name()), EventType.RETRY_SCHEDULED);
            default -> {
            }
        }
        lifecycle.accept(e);
    }

    /// A race's or parallel group's own row: its outcome and how long the caller waited for it (GROUP_STARTED to
    /// GROUP_FINISHED), in its series only. A retry group is left out: it shares its name, and so its series, with
    /// its attempts. The overall figures count invocations, not groups, so they stay as they are.
    private static void groupFigures(Series group, EventView finished) {
        if (group == null) {
            return;
        }
        if (finished.value() != null) {
            group.countForGroup(finished.value());
        }
        if (finished.duration() >= 0) {
            group.recordGroupLatency(finished.duration());
        }
    }

    /// What each transition adds to the counts and histograms; the lifecycle itself is [Lifecycle]'s.
    private final class Transitions implements Lifecycle.Listener {

        @Override
        public void opened(Lifecycle l, int slot, EventView e) {
            inSystem++;
            count(series(e.name()), EventType.SUBMITTED);
        }

        @Override
        public void queued(Lifecycle l, int slot, EventView e) {
            queued++;
            peakQueued = Math.max(peakQueued, Math.max(queued, e.queueDepth()));
        }

        @Override
        public void started(Lifecycle l, int slot, EventView e) {
            long queuedAt = l.queuedAt(slot);
            if (queuedAt >= 0) {
                queued--;
            }
            // Queue wait is time in the pool's queue; starting a thread for an idle slot is not queueing.
            record(series(e.name()), Kind.WAIT, queuedAt >= 0 ? e.t() - queuedAt : 0);
            active++;
            peakActive = Math.max(peakActive, active);
        }

        @Override
        public void ended(Lifecycle l, int slot, EventView e) {
            Series s = series(e.name());
            count(s, e.type());
            if (e.type() != EventType.SUCCEEDED) {
                example(e.type().name(), e.name(), e.id());
            }
            inSystem--;
            record(s, Kind.LATENCY, e.t() - l.openedAt(slot));
            if (l.startedAt(slot) >= 0) {
                active--;
                record(s, Kind.EXEC, e.t() - l.startedAt(slot));
            } else if (l.queuedAt(slot) >= 0) {
                queued--; // cancelled or rejected while waiting
            }
        }

        @Override
        public void lateFinished(Lifecycle l, int slot, EventView e) {
            count(series(e.name()), EventType.LATE_FINISH);
            example("LATE_FINISH", e.name(), e.id());
        }
    }

    /// The new size a POOL_RESIZED names; a foreign log's text that is no size leaves the size as it was.
    private static int resizedTo(String value, int current) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notASize) {
            return current;
        }
    }

    private Series series(String name) {
        if (name == null) {
            return null;
        }
        Series last = lastSeries;
        if (last != null && (last.name == name || last.name.equals(name))) {
            return last;
        }
        lastSeries = byName.computeIfAbsent(name, Series::new);
        return lastSeries;
    }

    private enum Kind { LATENCY, EXEC, WAIT }

    private void example(String what, String name, long id) {
        var list = examples.computeIfAbsent(what + ":" + name, k -> new java.util.ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add(id);
        }
    }

    private void record(Series s, Kind kind, long nanos) {
        recordInto(s != null ? s : unnamed, kind, Math.max(0, nanos));
    }

    private static void recordInto(Series target, Kind kind, long v) {
        switch (kind) {
            case LATENCY -> target.latency.recordValue(v);
            case EXEC -> target.execution.recordValue(v);
            case WAIT -> target.queueWait.recordValue(v);
        }
    }

    private void count(Series s, String what) {
        (s != null ? s : unnamed).count(what);
    }

    private void count(Series s, EventType type) {
        (s != null ? s : unnamed).count(type);
    }

    /// The run's figures: every series' shared part, merged. Recording each value once and merging here gives
    /// the same histograms (the same counts at the same indexes) as recording each value twice did.
    private Series overall() {
        var run = new Series("*");
        unnamed.sharedWith(run);
        byName.values().forEach(s -> s.sharedWith(run));
        return run;
    }

    private void advanceArea(long t) {
        if (areaT >= 0 && t > areaT) {
            activeArea += (double) active * (t - areaT);
            inSystemArea += (double) inSystem * (t - areaT);
        }
        if (t > areaT) {
            areaT = t;
        }
    }

    /// Callbacks running now, by the events seen so far.
    public int active() {
        return active;
    }

    /// Invocations waiting in a queue now.
    public int queued() {
        return queued;
    }

    public RunSummary summary() {
        Series overall = overall();
        long duration = firstT < 0 ? 0 : lastT - firstT;
        double seconds = duration / 1e9;
        long ended = overall.latency.getTotalCount();
        double throughput = seconds > 0 ? ended / seconds : 0;
        double meanActive = duration > 0 ? activeArea / duration : 0;
        double meanInSystem = duration > 0 ? inSystemArea / duration : 0;
        double lambdaW = seconds > 0 ? (ended / seconds) * (overall.latency.getMean() / 1e9) : 0;
        Map<String, NameStats> names = new LinkedHashMap<>();
        new TreeMap<>(byName).forEach((k, v) -> names.put(k, v.stats())); // by name, for stable reports
        return new RunSummary(duration, throughput, overall.stats(), names, peakActive, peakQueued, meanActive,
                meanInSystem, lambdaW, poolSize > 0 ? meanActive / poolSize : 0, events, copyExamples(), minPool,
                maxPool);
    }

    private Map<String, java.util.List<Long>> copyExamples() {
        Map<String, java.util.List<Long>> copy = new LinkedHashMap<>();
        examples.forEach((k, v) -> copy.put(k, java.util.List.copyOf(v)));
        return copy;
    }
}
