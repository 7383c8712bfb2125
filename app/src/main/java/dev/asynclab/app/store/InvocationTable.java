package dev.asynclab.app.store;

import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.lifecycle.Lifecycle;

/// One row per invocation id (a retry attempt is its own invocation), in order of first appearance.
///
/// Times are -1 when the invocation has not reached that state; `lane` is -1 until it starts. The times and
/// the outcome are the lab's [Lifecycle] fold (a row is its slot); this table adds what the views need besides.
///
/// The columns are narrow ([LongColumn]), and what is kept is chosen so that it stays small: the last and the
/// terminal event as how many events after the first they are, an attempt link as how many rows away it is (0:
/// none: a row is never linked to itself), and the few late ends in a map of their own rather than a column of -1s.
public final class InvocationTable {

    private final Lifecycle lifecycle;
    private int size;
    private final LongColumn groups = new LongColumn();
    private final IntColumn attempts = new IntColumn();
    private final IntColumn names = new IntColumn();
    private final IntColumn lanes = new IntColumn();
    /// Row to index in `lateEnds`, for the rows with a late finish only.
    private final LongIntMap lateEndIndex = new LongIntMap();
    private final LongColumn lateEnds = new LongColumn();
    private final IntColumn firstEvent = new IntColumn();
    /// `lastEvent - firstEvent`.
    private final IntColumn lastEventAfterFirst = new IntColumn();
    /// `terminalEvent - firstEvent`, -1 while it has none.
    private final IntColumn terminalEventAfterFirst = new IntColumn();
    private final IntColumn laneInterval = new IntColumn();
    /// `slot - previousAttempt`, 0 for none.
    private final IntColumn previousAttemptBefore = new IntColumn();
    /// `nextAttempt - slot`, 0 for none.
    private final IntColumn nextAttemptAfter = new IntColumn();

    InvocationTable(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /// Adds the row of the invocation the lifecycle just opened in `slot`: rows and slots are both dense, in
    /// order of first appearance, so they are the same number.
    int add(int slot, long group, int attempt, int name, int eventIndex) {
        int i = size;
        if (slot != i) {
            throw new IllegalStateException("invocation row " + i + " for lifecycle slot " + slot);
        }
        int n = i + 1;
        groups.add(group);
        attempts.add(attempt);
        names.add(name);
        lanes.add(-1);
        firstEvent.add(eventIndex);
        lastEventAfterFirst.add(0);
        terminalEventAfterFirst.add(-1);
        laneInterval.add(-1);
        previousAttemptBefore.add(0);
        nextAttemptAfter.add(0);
        size = n;
        return i;
    }

    /// Links two attempts of one call (two different rows).
    void linkAttempts(int previous, int next) {
        previousAttemptBefore.set(next, next - previous);
        nextAttemptAfter.set(previous, next - previous);
    }

    /// The attempt before this one of the same retried call, -1 for a first attempt.
    public int previousAttempt(int slot) {
        int before = previousAttemptBefore.get(slot);
        return before == 0 ? -1 : slot - before;
    }

    /// The attempt after this one, -1 for the last.
    public int nextAttempt(int slot) {
        int after = nextAttemptAfter.get(slot);
        return after == 0 ? -1 : slot + after;
    }

    void touch(int slot, int eventIndex) {
        lastEventAfterFirst.set(slot, eventIndex - firstEvent.get(slot));
    }

    void started(int slot, int lane, int interval) {
        lanes.set(slot, lane);
        laneInterval.set(slot, interval);
    }

    void ended(int slot, int eventIndex) {
        terminalEventAfterFirst.set(slot, eventIndex - firstEvent.get(slot));
    }

    void lateFinished(int slot, long t) {
        int k = lateEndIndex.get(slot);
        if (k >= 0) {
            lateEnds.set(k, t);
        } else {
            lateEndIndex.put(slot, lateEnds.size());
            lateEnds.add(t);
        }
    }

    public int size() {
        return size;
    }

    public long id(int slot) {
        return lifecycle.id(slot);
    }

    public long group(int slot) {
        return groups.get(slot);
    }

    public int attempt(int slot) {
        return attempts.get(slot);
    }

    int nameIndex(int slot) {
        return names.get(slot);
    }

    /// The worker lane it ran on, -1 if it never started.
    public int lane(int slot) {
        return lanes.get(slot);
    }

    /// When it was first seen (submitted, as a rule).
    public long submittedAt(int slot) {
        return lifecycle.openedAt(slot);
    }

    public long queuedAt(int slot) {
        return lifecycle.queuedAt(slot);
    }

    public long startedAt(int slot) {
        return lifecycle.startedAt(slot);
    }

    public long endedAt(int slot) {
        return lifecycle.endedAt(slot);
    }

    /// When a callback that outlived its timeout or cancel really returned, -1 if it did not.
    public long lateEndAt(int slot) {
        int k = lateEndIndex.get(slot);
        return k < 0 ? -1 : lateEnds.get(k);
    }

    public Outcome outcome(int slot) {
        EventType terminal = lifecycle.outcome(slot);
        return terminal == null ? Outcome.RUNNING : Outcome.of(terminal);
    }

    public int firstEvent(int slot) {
        return firstEvent.get(slot);
    }

    public int lastEvent(int slot) {
        return firstEvent.get(slot) + lastEventAfterFirst.get(slot);
    }

    /// The index of its terminal event (carrying the error), -1 while it has none.
    public int terminalEvent(int slot) {
        int after = terminalEventAfterFirst.get(slot);
        return after < 0 ? -1 : firstEvent.get(slot) + after;
    }

    int laneInterval(int slot) {
        return laneInterval.get(slot);
    }

    /// From submission to the terminal event, -1 while it has not ended.
    public long latency(int slot) {
        long ended = lifecycle.endedAt(slot);
        return ended < 0 ? -1 : ended - lifecycle.openedAt(slot);
    }
}
