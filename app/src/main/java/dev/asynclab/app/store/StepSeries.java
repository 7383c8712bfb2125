package dev.asynclab.app.store;

/// A value that changes by steps over time (queued count, active count): one point per change, sorted by time.
public final class StepSeries {

    private final LongColumn times = new LongColumn();
    private final IntColumn values = new IntColumn();
    private int current;

    void add(long t, int delta) {
        current += delta;
        int size = times.size();
        if (size > 0 && times.get(size - 1) == t) {
            values.set(size - 1, current);
            return;
        }
        times.add(t);
        values.add(current);
    }

    public int current() {
        return current;
    }

    public int size() {
        return times.size();
    }

    public long time(int i) {
        return times.get(i);
    }

    public int value(int i) {
        return values.get(i);
    }

    /// The value in force at `t` (0 before the first change).
    public int valueAt(long t) {
        int lo = 0;
        int hi = times.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : values.get(lo - 1);
    }
}
