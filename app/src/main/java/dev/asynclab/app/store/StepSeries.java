package dev.asynclab.app.store;

/// A value that changes by steps over time (queued count, active count): one point per change, sorted by time.
public final class StepSeries {

    private int size;
    private long[] times = new long[0];
    private int[] values = new int[0];
    private int current;

    void add(long t, int delta) {
        current += delta;
        if (size > 0 && times[size - 1] == t) {
            values[size - 1] = current;
            return;
        }
        times = Growable.ensure(times, size + 1);
        values = Growable.ensure(values, size + 1);
        times[size] = t;
        values[size] = current;
        size++;
    }

    public int current() {
        return current;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public int value(int i) {
        return values[i];
    }

    /// The value in force at `t` (0 before the first change).
    public int valueAt(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : values[lo - 1];
    }
}
