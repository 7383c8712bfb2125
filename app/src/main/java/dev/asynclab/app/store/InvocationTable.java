package dev.asynclab.app.store;

/// One row per invocation id (a retry attempt is its own invocation), in order of first appearance.
///
/// Times are -1 when the invocation has not reached that state; `lane` is -1 until it starts.
public final class InvocationTable {

    private int size;
    private final LongColumn ids = new LongColumn();
    private final LongColumn groups = new LongColumn();
    private final IntColumn attempts = new IntColumn();
    private final IntColumn names = new IntColumn();
    private final IntColumn lanes = new IntColumn();
    private final LongColumn submitted = new LongColumn();
    private final LongColumn queued = new LongColumn();
    private final LongColumn started = new LongColumn();
    private final LongColumn ended = new LongColumn();
    private final LongColumn lateEnd = new LongColumn();
    private final ByteColumn outcomes = new ByteColumn();
    private final IntColumn firstEvent = new IntColumn();
    private final IntColumn lastEvent = new IntColumn();
    private final IntColumn terminalEvent = new IntColumn();
    private final IntColumn laneInterval = new IntColumn();
    private final IntColumn previousAttempt = new IntColumn();
    private final IntColumn nextAttempt = new IntColumn();

    int add(long id, long group, int attempt, int name, int eventIndex, long t) {
        int i = size;
        int n = i + 1;
        ids.add(id);
        groups.add(group);
        attempts.add(attempt);
        names.add(name);
        lanes.add(-1);
        submitted.add(t);
        queued.add(-1);
        started.add(-1);
        ended.add(-1);
        lateEnd.add(-1);
        outcomes.add((byte) Outcome.RUNNING.ordinal());
        firstEvent.add(eventIndex);
        lastEvent.add(eventIndex);
        terminalEvent.add(-1);
        laneInterval.add(-1);
        previousAttempt.add(-1);
        nextAttempt.add(-1);
        size = n;
        return i;
    }

    void linkAttempts(int previous, int next) {
        previousAttempt.set(next, previous);
        nextAttempt.set(previous, next);
    }

    /// The attempt before this one of the same retried call, -1 for a first attempt.
    public int previousAttempt(int slot) {
        return previousAttempt.get(slot);
    }

    /// The attempt after this one, -1 for the last.
    public int nextAttempt(int slot) {
        return nextAttempt.get(slot);
    }

    void touch(int slot, int eventIndex) {
        lastEvent.set(slot, eventIndex);
    }

    void queued(int slot, long t) {
        queued.set(slot, t);
    }

    void started(int slot, long t, int lane, int interval) {
        started.set(slot, t);
        lanes.set(slot, lane);
        laneInterval.set(slot, interval);
    }

    void ended(int slot, long t, Outcome outcome, int eventIndex) {
        ended.set(slot, t);
        outcomes.set(slot, (byte) outcome.ordinal());
        terminalEvent.set(slot, eventIndex);
    }

    void lateFinished(int slot, long t) {
        lateEnd.set(slot, t);
    }

    public int size() {
        return size;
    }

    public long id(int slot) {
        return ids.get(slot);
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

    public long submittedAt(int slot) {
        return submitted.get(slot);
    }

    public long queuedAt(int slot) {
        return queued.get(slot);
    }

    public long startedAt(int slot) {
        return started.get(slot);
    }

    public long endedAt(int slot) {
        return ended.get(slot);
    }

    /// When a callback that outlived its timeout or cancel really returned, -1 if it did not.
    public long lateEndAt(int slot) {
        return lateEnd.get(slot);
    }

    public Outcome outcome(int slot) {
        return Outcome.ofOrdinal(outcomes.get(slot));
    }

    public int firstEvent(int slot) {
        return firstEvent.get(slot);
    }

    public int lastEvent(int slot) {
        return lastEvent.get(slot);
    }

    /// The index of its terminal event (carrying the error), -1 while it has none.
    public int terminalEvent(int slot) {
        return terminalEvent.get(slot);
    }

    int laneInterval(int slot) {
        return laneInterval.get(slot);
    }

    /// From submission to the terminal event, -1 while it has not ended.
    public long latency(int slot) {
        return ended.get(slot) < 0 ? -1 : ended.get(slot) - submitted.get(slot);
    }
}
