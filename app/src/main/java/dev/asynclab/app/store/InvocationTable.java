package dev.asynclab.app.store;

/// One row per invocation id (a retry attempt is its own invocation), in order of first appearance.
///
/// Times are -1 when the invocation has not reached that state; `lane` is -1 until it starts.
public final class InvocationTable {

    private int size;
    private long[] ids = new long[0];
    private long[] groups = new long[0];
    private int[] attempts = new int[0];
    private int[] names = new int[0];
    private int[] lanes = new int[0];
    private long[] submitted = new long[0];
    private long[] queued = new long[0];
    private long[] started = new long[0];
    private long[] ended = new long[0];
    private long[] lateEnd = new long[0];
    private byte[] outcomes = new byte[0];
    private int[] firstEvent = new int[0];
    private int[] lastEvent = new int[0];
    private int[] terminalEvent = new int[0];
    private int[] laneInterval = new int[0];
    private int[] previousAttempt = new int[0];
    private int[] nextAttempt = new int[0];

    int add(long id, long group, int attempt, int name, int eventIndex, long t) {
        int i = size;
        int n = i + 1;
        ids = Growable.ensure(ids, n);
        groups = Growable.ensure(groups, n);
        attempts = Growable.ensure(attempts, n);
        names = Growable.ensure(names, n);
        lanes = Growable.ensure(lanes, n);
        submitted = Growable.ensure(submitted, n);
        queued = Growable.ensure(queued, n);
        started = Growable.ensure(started, n);
        ended = Growable.ensure(ended, n);
        lateEnd = Growable.ensure(lateEnd, n);
        outcomes = Growable.ensure(outcomes, n);
        firstEvent = Growable.ensure(firstEvent, n);
        lastEvent = Growable.ensure(lastEvent, n);
        terminalEvent = Growable.ensure(terminalEvent, n);
        laneInterval = Growable.ensure(laneInterval, n);
        previousAttempt = Growable.ensure(previousAttempt, n);
        nextAttempt = Growable.ensure(nextAttempt, n);
        ids[i] = id;
        groups[i] = group;
        attempts[i] = attempt;
        names[i] = name;
        lanes[i] = -1;
        submitted[i] = t;
        queued[i] = -1;
        started[i] = -1;
        ended[i] = -1;
        lateEnd[i] = -1;
        outcomes[i] = (byte) Outcome.RUNNING.ordinal();
        firstEvent[i] = eventIndex;
        lastEvent[i] = eventIndex;
        terminalEvent[i] = -1;
        laneInterval[i] = -1;
        previousAttempt[i] = -1;
        nextAttempt[i] = -1;
        size = n;
        return i;
    }

    void linkAttempts(int previous, int next) {
        previousAttempt[next] = previous;
        nextAttempt[previous] = next;
    }

    /// The attempt before this one of the same retried call, -1 for a first attempt.
    public int previousAttempt(int slot) {
        return previousAttempt[slot];
    }

    /// The attempt after this one, -1 for the last.
    public int nextAttempt(int slot) {
        return nextAttempt[slot];
    }

    void touch(int slot, int eventIndex) {
        lastEvent[slot] = eventIndex;
    }

    void queued(int slot, long t) {
        queued[slot] = t;
    }

    void started(int slot, long t, int lane, int interval) {
        started[slot] = t;
        lanes[slot] = lane;
        laneInterval[slot] = interval;
    }

    void ended(int slot, long t, Outcome outcome, int eventIndex) {
        ended[slot] = t;
        outcomes[slot] = (byte) outcome.ordinal();
        terminalEvent[slot] = eventIndex;
    }

    void lateFinished(int slot, long t) {
        lateEnd[slot] = t;
    }

    public int size() {
        return size;
    }

    public long id(int slot) {
        return ids[slot];
    }

    public long group(int slot) {
        return groups[slot];
    }

    public int attempt(int slot) {
        return attempts[slot];
    }

    int nameIndex(int slot) {
        return names[slot];
    }

    /// The worker lane it ran on, -1 if it never started.
    public int lane(int slot) {
        return lanes[slot];
    }

    public long submittedAt(int slot) {
        return submitted[slot];
    }

    public long queuedAt(int slot) {
        return queued[slot];
    }

    public long startedAt(int slot) {
        return started[slot];
    }

    public long endedAt(int slot) {
        return ended[slot];
    }

    /// When a callback that outlived its timeout or cancel really returned, -1 if it did not.
    public long lateEndAt(int slot) {
        return lateEnd[slot];
    }

    public Outcome outcome(int slot) {
        return Outcome.ofOrdinal(outcomes[slot]);
    }

    public int firstEvent(int slot) {
        return firstEvent[slot];
    }

    public int lastEvent(int slot) {
        return lastEvent[slot];
    }

    /// The index of its terminal event (carrying the error), -1 while it has none.
    public int terminalEvent(int slot) {
        return terminalEvent[slot];
    }

    int laneInterval(int slot) {
        return laneInterval[slot];
    }

    /// From submission to the terminal event, -1 while it has not ended.
    public long latency(int slot) {
        return ended[slot] < 0 ? -1 : ended[slot] - submitted[slot];
    }
}
