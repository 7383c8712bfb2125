package dev.asynclab.app.store;

/// The attempts that ran on one worker lane, in start order, with a fast "which overlap [t0, t1]" query.
///
/// Intervals are appended when an attempt starts (so starts never decrease) and closed when it ends. A running
/// prefix maximum of the ends lets a binary search skip every interval that ended before the window; an open
/// interval counts as ending at +infinity.
///
/// The columns are narrow [LongColumn]s: an end and the prefix maximum are kept as how long after the interval's
/// start they are (-1 while open), which fits in an int where the times themselves would not, and an open
/// interval does not widen its chunk for good. That needs an end no earlier than its start, which the store's
/// events in time order give; an end before its start is kept as the start.
public final class LaneIntervals {

    private static final long OPEN = Long.MAX_VALUE;
    /// What `sinceStart` holds for an open interval.
    private static final long OPEN_SINCE_START = -1;

    private int size;
    private final IntColumn slots = new IntColumn();
    private final LongColumn starts = new LongColumn();
    /// `end - start`, or `OPEN_SINCE_START`.
    private final LongColumn endSinceStart = new LongColumn();
    /// `prefixMaxEnd - start`, or `OPEN_SINCE_START`.
    private final LongColumn prefixMaxSinceStart = new LongColumn();
    private int[] openIndexes = new int[4];
    private int openCount;
    private long longestLateTail;
    private final TimeBins outcomes = new TimeBins();
    private final TimeBins markers = new TimeBins();

    int open(int slot, long start) {
        int i = size;
        slots.add(slot);
        starts.add(start);
        endSinceStart.add(OPEN_SINCE_START);
        prefixMaxSinceStart.add(OPEN_SINCE_START);
        size++;
        openIndexes = Growable.ensure(openIndexes, openCount + 1);
        openIndexes[openCount++] = i;
        return i;
    }

    void close(int index, long end, Outcome outcome) {
        long start = starts.get(index);
        end = Math.max(end, start);
        endSinceStart.set(index, end - start);
        outcomes.max(start, end, outcome.notability());
        for (int k = 0; k < openCount; k++) {
            if (openIndexes[k] == index) {
                openIndexes[k] = openIndexes[--openCount];
                break;
            }
        }
        // Only the tail after `index` can change; usually `index` is the last interval, so this is O(1).
        long max = index == 0 ? Long.MIN_VALUE : prefixMaxEnd(index - 1);
        for (int i = index; i < size; i++) {
            max = Math.max(max, end(i));
            if (prefixMaxEnd(i) == max) {
                break;
            }
            prefixMaxSinceStart.set(i, max == OPEN ? OPEN_SINCE_START : max - starts.get(i));
        }
    }

    private long prefixMaxEnd(int i) {
        long since = prefixMaxSinceStart.get(i);
        return since == OPEN_SINCE_START ? OPEN : starts.get(i) + since;
    }

    /// An attempt of this lane kept running `nanos` after its terminal event (a late finish).
    void lateTail(long nanos) {
        longestLateTail = Math.max(longestLateTail, nanos);
    }

    /// The longest late finish on this lane: an attempt that ended up to this long before a window may still
    /// have its ghost in it.
    public long longestLateTail() {
        return longestLateTail;
    }

    /// The most notable outcome per time bin (by `Outcome.notability()`), closed attempts and ghosts only.
    public TimeBins outcomeSummary() {
        return outcomes;
    }

    /// The most notable marker per time bin (by `EventStore.markerKind`).
    public TimeBins markerSummary() {
        return markers;
    }

    /// How many attempts on this lane are still running; `openInterval(k)` gives their indexes.
    public int openCount() {
        return openCount;
    }

    public int openInterval(int k) {
        return openIndexes[k];
    }

    public int size() {
        return size;
    }

    public int slot(int i) {
        return slots.get(i);
    }

    public long start(int i) {
        return starts.get(i);
    }

    /// The end of interval `i`, or `Long.MAX_VALUE` while it runs.
    public long end(int i) {
        long since = endSinceStart.get(i);
        return since == OPEN_SINCE_START ? OPEN : starts.get(i) + since;
    }

    public boolean isOpen(int i) {
        return endSinceStart.get(i) == OPEN_SINCE_START;
    }

    /// The first interval that may overlap a window starting at `t0`: all before it ended before `t0`.
    public int firstEndingAtOrAfter(long t0) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefixMaxEnd(mid) < t0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /// One past the last interval that starts at or before `t1`.
    public int endStartingAtOrBefore(long t1) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts.get(mid) <= t1) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
