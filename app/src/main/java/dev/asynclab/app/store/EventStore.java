package dev.asynclab.app.store;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.List;

/// Every event of one run or replayed log, held column by column in growing primitive arrays, with the
/// indexes the views need: per invocation (first, last and terminal event, timings, outcome), per worker lane
/// (the attempts as intervals), the queue and active counts as step series, and markers.
///
/// Not thread-safe: one thread appends (the FX thread, in batches) and reads. A million events take about
/// 60 MB and load in a fraction of a second.
///
/// ```java
/// EventStore store = new EventStore();
/// store.appendAll(events);
/// int slot = store.invocationSlot(97);
/// long latency = store.invocations().latency(slot);
/// ```
public final class EventStore {

    private int size;
    private long[] seq = new long[0];
    private long[] time = new long[0];
    private byte[] type = new byte[0];
    private long[] id = new long[0];
    private int[] attempt = new int[0];
    private long[] group = new long[0];
    private int[] name = new int[0];
    private int[] lane = new int[0];
    private long[] duration = new long[0];
    private int[] queueDepth = new int[0];
    /// Index into the text side tables, -1 for the many events without error or value.
    private int[] text = new int[0];

    private final Interner names = new Interner();
    private final Interner laneNames = new Interner();
    private final List<String> errorTypes = new ArrayList<>();
    private final List<String> errorMessages = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private final LongIntMap slotsById = new LongIntMap();
    /// The latest attempt of each retried call, keyed by group and name, to link attempts as they arrive.
    private final java.util.Map<AttemptKey, Integer> latestAttempt = new java.util.HashMap<>();
    private final InvocationTable invocations = new InvocationTable();
    private final List<LaneIntervals> laneIntervals = new ArrayList<>();
    private final GroupTable groups = new GroupTable();
    private final StepSeries queued = new StepSeries();
    private final StepSeries active = new StepSeries();
    private int markerCount;
    private int[] markers = new int[0];
    private int endedCount;
    private int[] endOrder = new int[0];
    private final long[] countsByType = new long[EventType.values().length];
    private long lateCount;
    private long version;

    /// Appends a batch, in `seq` order.
    public void appendAll(List<Event> batch) {
        ensure(size + batch.size());
        for (Event e : batch) {
            append(e);
        }
    }

    /// Appends one event; its `t` must not be earlier than the last one's.
    public void append(Event e) {
        ensure(size + 1);
        int i = size++;
        seq[i] = e.seq();
        time[i] = e.t();
        type[i] = (byte) e.type().ordinal();
        id[i] = e.id();
        attempt[i] = e.attempt();
        group[i] = e.group();
        name[i] = names.intern(e.name());
        lane[i] = laneNames.intern(e.worker());
        duration[i] = e.duration();
        queueDepth[i] = e.queueDepth();
        text[i] = -1;
        if (e.errorType() != null || e.errorMessage() != null || e.value() != null) {
            text[i] = errorTypes.size();
            errorTypes.add(e.errorType());
            errorMessages.add(e.errorMessage());
            values.add(e.value());
        }
        countsByType[e.type().ordinal()]++;
        index(i, e.type());
        version++;
    }

    private void index(int i, EventType eventType) {
        long t = time[i];
        switch (eventType) {
            case GROUP_STARTED -> groups.started(group[i] != 0 ? group[i] : id[i], name[i], t);
            case GROUP_FINISHED -> groups.finished(group[i] != 0 ? group[i] : id[i], t);
            default -> { }
        }
        if (id[i] == 0) {
            return;
        }
        int slot = slotsById.get(id[i]);
        if (slot < 0) {
            slot = invocations.add(id[i], group[i], attempt[i], name[i], i, t);
            slotsById.put(id[i], slot);
            linkAttempt(slot, i);
        }
        invocations.touch(slot, i);
        switch (eventType) {
            case QUEUED -> {
                invocations.queued(slot, t);
                queued.add(t, +1);
            }
            case STARTED -> started(slot, i, t);
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> ended(slot, i, t, eventType);
            case RETRY_SCHEDULED -> addMarker(i);
            case LATE_FINISH -> {
                invocations.lateFinished(slot, t);
                lateCount++;
            }
            default -> { }
        }
    }

    private record AttemptKey(long group, int name) {
    }

    private void linkAttempt(int slot, int i) {
        if (group[i] == 0) {
            return;
        }
        Integer previous = latestAttempt.put(new AttemptKey(group[i], name[i]), slot);
        if (previous != null && invocations.attempt(previous) < attempt[i]) {
            invocations.linkAttempts(previous, slot);
        }
    }

    private void started(int slot, int i, long t) {
        if (invocations.startedAt(slot) >= 0) {
            return;
        }
        if (invocations.queuedAt(slot) >= 0) {
            queued.add(t, -1);
        }
        // A start without a worker (an old or foreign log) still gets a lane, named "?".
        int laneIndex = lane[i] >= 0 ? lane[i] : laneNames.intern("?");
        while (laneIntervals.size() <= laneIndex) {
            laneIntervals.add(new LaneIntervals());
        }
        int interval = laneIntervals.get(laneIndex).open(slot, t);
        invocations.started(slot, t, laneIndex, interval);
        active.add(t, +1);
    }

    private void ended(int slot, int i, long t, EventType eventType) {
        if (invocations.terminalEvent(slot) >= 0) {
            return;
        }
        if (invocations.startedAt(slot) >= 0) {
            laneIntervals.get(invocations.lane(slot)).close(invocations.laneInterval(slot), t);
            active.add(t, -1);
        } else if (invocations.queuedAt(slot) >= 0) {
            queued.add(t, -1);
        }
        invocations.ended(slot, t, Outcome.of(eventType), i);
        endOrder = Growable.ensure(endOrder, endedCount + 1);
        endOrder[endedCount++] = slot;
        if (eventType != EventType.SUCCEEDED && eventType != EventType.FAILED) {
            addMarker(i);
        }
    }

    private void addMarker(int i) {
        markers = Growable.ensure(markers, markerCount + 1);
        markers[markerCount++] = i;
    }

    private void ensure(int n) {
        if (n <= seq.length) {
            return;
        }
        int capacity = Growable.next(seq.length, n);
        seq = java.util.Arrays.copyOf(seq, capacity);
        time = java.util.Arrays.copyOf(time, capacity);
        type = java.util.Arrays.copyOf(type, capacity);
        id = java.util.Arrays.copyOf(id, capacity);
        attempt = java.util.Arrays.copyOf(attempt, capacity);
        group = java.util.Arrays.copyOf(group, capacity);
        name = java.util.Arrays.copyOf(name, capacity);
        lane = java.util.Arrays.copyOf(lane, capacity);
        duration = java.util.Arrays.copyOf(duration, capacity);
        queueDepth = java.util.Arrays.copyOf(queueDepth, capacity);
        text = java.util.Arrays.copyOf(text, capacity);
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
        return seq[i];
    }

    public long time(int i) {
        return time[i];
    }

    public EventType type(int i) {
        return EventType.ofOrdinal(type[i]);
    }

    public long id(int i) {
        return id[i];
    }

    public int attempt(int i) {
        return attempt[i];
    }

    public long group(int i) {
        return group[i];
    }

    public String name(int i) {
        return names.get(name[i]);
    }

    /// The index of the event's name in `names()`, -1 when it has none: cheap to compare when filtering.
    public int nameIndex(int i) {
        return name[i];
    }

    public String worker(int i) {
        return laneNames.get(lane[i]);
    }

    public long duration(int i) {
        return duration[i];
    }

    public int queueDepth(int i) {
        return queueDepth[i];
    }

    public String errorType(int i) {
        return text[i] < 0 ? null : errorTypes.get(text[i]);
    }

    public String errorMessage(int i) {
        return text[i] < 0 ? null : errorMessages.get(text[i]);
    }

    public String value(int i) {
        return text[i] < 0 ? null : values.get(text[i]);
    }

    /// The event as the engine's record (for details and export; views read the columns).
    public Event event(int i) {
        return new Event(seq[i], time[i], type(i), id[i], attempt[i], group[i], name(i), worker(i), duration[i],
                errorType(i), errorMessage(i), value(i), queueDepth[i]);
    }

    /// The first event at or after `t` (`size()` when none).
    public int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /// The time of the last event, 0 when empty.
    public long lastTime() {
        return size == 0 ? 0 : time[size - 1];
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
        return slotsById.get(invocationId);
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
            if (id[i] == wanted) {
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
        return endedCount;
    }

    public int endedSlot(int k) {
        return endOrder[k];
    }

    // ---- lanes, series, markers, groups

    /// The worker lanes, in order of first appearance (index = lane).
    public List<String> laneNames() {
        return laneNames.all().subList(0, Math.min(laneNames.size(), laneIntervals.size()));
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

    public StepSeries activeSeries() {
        return active;
    }

    public GroupTable groups() {
        return groups;
    }

    public String groupName(int groupIndex) {
        return names.get(groups.nameIndex(groupIndex));
    }

    /// Events drawn as markers (timeouts, cancels, rejections, retries scheduled), in time order.
    public int markerCount() {
        return markerCount;
    }

    public int markerEvent(int k) {
        return markers[k];
    }

    /// The first marker at or after `t`.
    public int firstMarkerAtOrAfter(long t) {
        int lo = 0;
        int hi = markerCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[markers[mid]] < t) {
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
