package dev.asynclab.app.store;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.lifecycle.Lifecycle;
import dev.asynclab.lab.story.LaneLabels;

import java.util.ArrayList;
import java.util.List;

/// Every event of one run or replayed log, held column by column in growing primitive arrays, with the
/// indexes the views need: per invocation (first, last and terminal event, timings, outcome), per worker lane
/// (the attempts as intervals), the queue and active counts as step series, and markers.
///
/// Not thread-safe: one thread appends (the FX thread, in batches) and reads. Every column is a narrow
/// [LongColumn] (4K-value chunks, each as bytes, shorts, ints or longs from its first value, whichever its values
/// fit), errors and values are interned combinations ([TextTable]), and nothing is kept as an object per event.
///
/// ```java
/// EventStore store = new EventStore();
/// store.appendAll(events);
/// int slot = store.invocationSlot(97);
/// long latency = store.invocations().latency(slot);
/// ```
public final class EventStore {

    private int size;
    private final LongColumn seq = new LongColumn();
    private final LongColumn time = new LongColumn();
    private final ByteColumn type = new ByteColumn();
    private final LongColumn id = new LongColumn();
    private final IntColumn attempt = new IntColumn();
    private final LongColumn group = new LongColumn();
    private final IntColumn name = new IntColumn();
    private final IntColumn lane = new IntColumn();
    private final LongColumn duration = new LongColumn();
    private final IntColumn queueDepth = new IntColumn();
    /// The event's row in `texts`, -1 for the many events without error or value.
    private final IntColumn text = new IntColumn();

    private final Interner names = new Interner();
    private final Interner laneNames = new Interner();
    /// The lab's fold of which names each lane ran, for its label (`w2 · cache`), as the story tells it.
    private final LaneLabels laneLabels = new LaneLabels();
    private final TextTable texts = new TextTable();

    /// The one lifecycle fold (retaining: a slot per invocation, forever); `Indexer` hears its transitions.
    private final Lifecycle lifecycle = Lifecycle.retaining(new Indexer());
    /// The event being appended, and its name's and lane's indexes, for the lifecycle's callbacks: they take what
    /// they need from the event and these rather than read back the columns just written (each read of a narrow
    /// column is a dispatch on its chunk's width; the storing thread's profile had a tenth of its samples there).
    private int current;
    private int currentName;
    private int currentLane;
    /// The latest attempt of each retried call, keyed by group and name, to link attempts as they arrive.
    private final LatestAttempts latestAttempt = new LatestAttempts();
    private final InvocationTable invocations = new InvocationTable(lifecycle);
    private final StartFields startFields = new StartFields();
    private final List<LaneIntervals> laneIntervals = new ArrayList<>();
    private final GroupTable groups = new GroupTable();
    private final BreakerBands breakerBands = new BreakerBands();
    private final StepSeries queued = new StepSeries();
    private final TimeBins queueDepthSummary = new TimeBins();
    private final TimeBins queueMarkerSummary = new TimeBins();
    private final StepSeries active = new StepSeries();
    private final StepSeries poolSize = new StepSeries();
    private final IntColumn markers = new IntColumn();
    private final IntColumn endOrder = new IntColumn();
    private final long[] countsByType = new long[EventType.values().length];
    private long lateCount;
    private long version;

    /// Appends a batch, in `seq` order.
    public void appendAll(List<Event> batch) {
        for (Event e : batch) {
            append(e);
        }
    }

    /// Appends one event; its `t` must not be earlier than the last one's.
    public void append(Event e) {
        int i = size++;
        seq.add(e.seq());
        time.add(e.t());
        type.add((byte) e.type().ordinal());
        id.add(e.id());
        attempt.add(e.attempt());
        group.add(e.group());
        currentName = names.intern(e.name());
        currentLane = laneNames.intern(e.worker());
        name.add(currentName);
        lane.add(currentLane);
        duration.add(e.duration());
        queueDepth.add(e.queueDepth());
        text.add(texts.add(e.errorType(), e.errorMessage(), e.value()));
        countsByType[e.type().ordinal()]++;
        if (e.kind() != null || e.poolSize() != -1 || e.parentGroup() != 0 || e.seed() != 0) {
            startFields.add(i, e);
        }
        index(i, e);
        version++;
    }

    private void index(int i, Event e) {
        long t = e.t();
        switch (e.type()) {
            case GROUP_STARTED -> groups.started(e.group() != 0 ? e.group() : e.id(), currentName, t);
            case GROUP_FINISHED -> groups.finished(e.group() != 0 ? e.group() : e.id(), t);
            case CIRCUIT_OPENED, CIRCUIT_HALF_OPENED, CIRCUIT_CLOSED -> breakerBands.add(name(i), t, e.type());
            case RUN_STARTED -> poolSizeTo(e.poolSize(), t);
            case POOL_RESIZED -> poolSizeTo(e.value() != null && e.value().matches("\\d{1,9}")
                    ? Integer.parseInt(e.value()) : -1, t);
            default -> { }
        }
        current = i;
        int slot = lifecycle.accept(e);
        if (slot < 0) {
            return;
        }
        invocations.touch(slot, i);
        if (e.type() == EventType.RETRY_SCHEDULED || e.type() == EventType.FALLBACK_USED) {
            addMarker(i, slot, t, markerKind(e.type()));
        }
    }

    /// What each lifecycle transition adds to the store's indexes (rows, lanes, series, markers).
    private final class Indexer implements Lifecycle.Listener {

        @Override
        public void opened(Lifecycle l, int slot, Event e) {
            invocations.add(slot, e.group(), e.attempt(), currentName, current);
            linkAttempt(slot, e);
        }

        @Override
        public void queued(Lifecycle l, int slot, Event e) {
            long t = e.t();
            queued.add(t, +1);
            queueDepthSummary.max(t, t, queued.current());
        }

        @Override
        public void started(Lifecycle l, int slot, Event e) {
            long t = e.t();
            if (l.queuedAt(slot) >= 0) {
                queued.add(t, -1);
            }
            // A start without a worker (an old or foreign log) still gets a lane, named "?".
            int laneIndex = currentLane >= 0 ? currentLane : laneNames.intern("?");
            while (laneIntervals.size() <= laneIndex) {
                laneIntervals.add(new LaneIntervals());
            }
            laneLabels.started(e.worker(), e.name());
            int interval = laneIntervals.get(laneIndex).open(slot, t);
            invocations.started(slot, laneIndex, interval);
            active.add(t, +1);
        }

        @Override
        public void ended(Lifecycle l, int slot, Event e) {
            long t = e.t();
            EventType eventType = e.type();
            if (l.startedAt(slot) >= 0) {
                laneIntervals.get(invocations.lane(slot)).close(invocations.laneInterval(slot), t,
                        Outcome.of(eventType));
                active.add(t, -1);
            } else if (l.queuedAt(slot) >= 0) {
                queued.add(t, -1);
            }
            invocations.ended(slot, current);
            endOrder.add(slot);
            int kind = markerKind(markerTypeOf(eventType, e.value()));
            if (kind > 0) {
                addMarker(current, slot, t, kind);
            }
        }

        @Override
        public void lateFinished(Lifecycle l, int slot, Event e) {
            lateCount++;
            if (slot < 0) {
                return; // a late finish of an invocation this store never saw begin: counted, not drawn
            }
            long t = e.t();
            invocations.lateFinished(slot, t);
            if (invocations.lane(slot) >= 0 && invocations.endedAt(slot) >= 0) {
                LaneIntervals lane = laneIntervals.get(invocations.lane(slot));
                lane.outcomeSummary().max(invocations.endedAt(slot), t, Outcome.LATE.notability());
                lane.lateTail(t - invocations.endedAt(slot));
            }
        }
    }

    private void linkAttempt(int slot, Event e) {
        if (e.group() == 0) {
            return;
        }
        int previous = latestAttempt.put(e.group(), currentName, slot);
        if (previous >= 0 && invocations.attempt(previous) < e.attempt()) {
            invocations.linkAttempts(previous, slot);
        }
    }

    /// Event `i` (at time `t`, of invocation `slot`) is drawn as a marker of `kind` ([#markerKind]).
    private void addMarker(int i, int slot, long t, int kind) {
        markers.add(i);
        int laneIndex = invocations.lane(slot);
        TimeBins summary = laneIndex >= 0 ? laneIntervals.get(laneIndex).markerSummary() : queueMarkerSummary;
        summary.max(t, t, kind);
    }

    /// Marker kinds by how much they should stand out: 0 none, then retry scheduled, fallback used, cancelled,
    /// rate-limited, rejected, short-circuited, timed out.
    public static int markerKind(EventType eventType) {
        return switch (eventType) {
            case RETRY_SCHEDULED -> 1;
            case FALLBACK_USED -> 2;
            case CANCELLED -> 3;
            case RATE_LIMITED -> 4;
            case REJECTED -> 5;
            case CIRCUIT_OPENED -> 6;
            case TIMED_OUT -> 7;
            default -> 0;
        };
    }

    /// The event type a marker kind stands for.
    public static EventType markerType(int kind) {
        return switch (kind) {
            case 1 -> EventType.RETRY_SCHEDULED;
            case 2 -> EventType.FALLBACK_USED;
            case 3 -> EventType.CANCELLED;
            case 4 -> EventType.RATE_LIMITED;
            case 5 -> EventType.REJECTED;
            case 6 -> EventType.CIRCUIT_OPENED;
            default -> EventType.TIMED_OUT;
        };
    }

    /// The marker event `i` is drawn as: its own type, except that a call refused by a policy gets the policy's
    /// marker, `CIRCUIT_OPENED` (short-circuited by an open breaker) or `RATE_LIMITED` (no permit in time).
    public EventType markerTypeAt(int i) {
        return markerTypeOf(type(i), value(i));
    }

    private static EventType markerTypeOf(EventType t, String value) {
        if (t == EventType.REJECTED) {
            if ("circuit-breaker".equals(value)) {
                return EventType.CIRCUIT_OPENED;
            }
            if ("rate-limiter".equals(value)) {
                return EventType.RATE_LIMITED;
            }
        }
        return t;
    }

    /// Each circuit breaker's state over time.
    public BreakerBands breakerBands() {
        return breakerBands;
    }

    // ---- events, by index in append order

    public int size() {
        return size;
    }

    /// Grows by one on every append: views compare it with the version they last drew.
    public long version() {
        return version;
    }

    public long seq(int i) {
        return seq.get(i);
    }

    public long time(int i) {
        return time.get(i);
    }

    public EventType type(int i) {
        return EventType.ofOrdinal(type.get(i));
    }

    public long id(int i) {
        return id.get(i);
    }

    public int attempt(int i) {
        return attempt.get(i);
    }

    public long group(int i) {
        return group.get(i);
    }

    public String name(int i) {
        return names.get(name.get(i));
    }

    /// The index of the event's name in `names()`, -1 when it has none: cheap to compare when filtering.
    public int nameIndex(int i) {
        return name.get(i);
    }

    public String worker(int i) {
        return laneNames.get(lane.get(i));
    }

    public long duration(int i) {
        return duration.get(i);
    }

    public int queueDepth(int i) {
        return queueDepth.get(i);
    }

    public String errorType(int i) {
        return texts.errorType(text.get(i));
    }

    public String errorMessage(int i) {
        return texts.errorMessage(text.get(i));
    }

    public String value(int i) {
        return texts.value(text.get(i));
    }

    /// The event as the engine's record (for details and export; views read the columns).
    public Event event(int i) {
        Event e = new Event(seq.get(i), time.get(i), type(i), id.get(i), attempt.get(i), group.get(i), name(i),
                worker(i), duration.get(i), errorType(i), errorMessage(i), value(i), queueDepth.get(i));
        return startFields.restore(i, e);
    }

    /// The first event at or after `t` (`size()` when none).
    public int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.get(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /// The time of the last event, 0 when empty.
    public long lastTime() {
        return size == 0 ? 0 : time.get(size - 1);
    }

    /// Every distinct invocation name, in order of first appearance.
    public List<String> names() {
        return names.all();
    }

    // ---- invocations

    public InvocationTable invocations() {
        return invocations;
    }

    /// The slot of invocation `id`, -1 if it has not been seen.
    public int invocationSlot(long invocationId) {
        return lifecycle.slotOf(invocationId);
    }

    public String invocationName(int slot) {
        return names.get(invocations.nameIndex(slot));
    }

    /// The event indexes of one invocation, in order.
    public int[] eventsOf(int slot) {
        long wanted = invocations.id(slot);
        int from = invocations.firstEvent(slot);
        int to = invocations.lastEvent(slot);
        int[] found = new int[Math.min(to - from + 1, 64)];
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (id.get(i) == wanted) {
                found = Growable.ensure(found, n + 1);
                found[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /// The attempts a retry made of the same call (same group and name), first to last; just `slot` alone
    /// when it was not retried.
    public int[] attemptsOf(int slot) {
        int first = slot;
        while (invocations.previousAttempt(first) >= 0) {
            first = invocations.previousAttempt(first);
        }
        int[] found = new int[4];
        int n = 0;
        for (int s = first; s >= 0; s = invocations.nextAttempt(s)) {
            found = Growable.ensure(found, n + 1);
            found[n++] = s;
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /// How many invocations have ended; `endedSlot(k)` lists them in the order they ended.
    public int endedCount() {
        return endOrder.size();
    }

    public int endedSlot(int k) {
        return endOrder.get(k);
    }

    // ---- lanes, series, markers, groups

    /// The worker lanes, in order of first appearance (index = lane).
    public List<String> laneNames() {
        return laneNames.all().subList(0, Math.min(laneNames.size(), laneIntervals.size()));
    }

    /// The worker of lane `laneIndex` ("w2").
    public String laneName(int laneIndex) {
        return laneNames.get(laneIndex);
    }

    /// What the timeline calls lane `laneIndex`: `w2 · cache` when every call it ran had one name, else the
    /// worker alone (the lab's [LaneLabels], as `asynclab explain` says it).
    public String laneLabel(int laneIndex) {
        return laneLabels.label(laneNames.get(laneIndex));
    }

    public int laneCount() {
        return laneIntervals.size();
    }

    public LaneIntervals lane(int laneIndex) {
        return laneIntervals.get(laneIndex);
    }

    public StepSeries queuedSeries() {
        return queued;
    }

    /// The highest queue depth per time bin (with `queuedSeries().valueAt` for depths that held over bins).
    public TimeBins queueDepthSummary() {
        return queueDepthSummary;
    }

    /// The most notable marker of invocations that never started (rejections, cancels while queued) per bin.
    public TimeBins queueMarkerSummary() {
        return queueMarkerSummary;
    }

    public StepSeries activeSeries() {
        return active;
    }

    /// The pool's size over time: from the run's first event, then each POOL_RESIZED (an adaptive limit's
    /// changes). Empty when the source names no pool.
    public StepSeries poolSizeSeries() {
        return poolSize;
    }

    private void poolSizeTo(int size, long t) {
        if (size > 0) {
            poolSize.add(t, size - poolSize.current());
        }
    }

    public GroupTable groups() {
        return groups;
    }

    public String groupName(int groupIndex) {
        return names.get(groups.nameIndex(groupIndex));
    }

    /// Events drawn as markers (timeouts, cancels, rejections, retries scheduled), in time order.
    public int markerCount() {
        return markers.size();
    }

    public int markerEvent(int k) {
        return markers.get(k);
    }

    /// The first marker at or after `t`.
    public int firstMarkerAtOrAfter(long t) {
        int lo = 0;
        int hi = markers.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.get(markers.get(mid)) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- counters

    public long count(EventType eventType) {
        return countsByType[eventType.ordinal()];
    }

    public long lateCount() {
        return lateCount;
    }
}
