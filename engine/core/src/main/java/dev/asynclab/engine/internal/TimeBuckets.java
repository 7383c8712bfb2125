package dev.asynclab.engine.internal;

/// Sums of a few counters over a sliding window of time, kept in ten buckets: what happened more than a window
/// ago drops out a tenth of the window at a time. Time comes from the caller (the engine's clock), so the same
/// code counts on the real and the simulated clock. Not thread-safe: its owner holds a lock.
///
/// ```java
/// var b = new TimeBuckets(1_000_000_000L, 2);   // a 1 s window, two counters
/// b.add(now, 0, 1);
/// long calls = b.sum(now, 0);
/// ```
public final class TimeBuckets {

    static final int BUCKETS = 10;

    private final long bucketNanos;
    private final long[] epochs = new long[BUCKETS];
    private final long[][] counts;

    /// @param windowNanos the window, at least ten nanoseconds
    /// @param width       how many counters each bucket holds
    public TimeBuckets(long windowNanos, int width) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        this.counts = new long[BUCKETS][width];
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
    }

    /// Adds `delta` to counter `index` at time `now`.
    public void add(long now, int index, long delta) {
        long epoch = Math.floorDiv(now, bucketNanos);
        int slot = (int) Math.floorMod(epoch, BUCKETS);
        if (epochs[slot] != epoch) { // the slot still holds a bucket from a window ago: start it afresh
            epochs[slot] = epoch;
            java.util.Arrays.fill(counts[slot], 0);
        }
        counts[slot][index] += delta;
    }

    /// Counter `index` summed over the buckets of the window that ends at `now`.
    public long sum(long now, int index) {
        long epoch = Math.floorDiv(now, bucketNanos);
        long total = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            long age = epoch - epochs[slot];
            if (age >= 0 && age < BUCKETS) {
                total += counts[slot][index];
            }
        }
        return total;
    }

    public void clear() {
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
        for (long[] c : counts) {
            java.util.Arrays.fill(c, 0);
        }
    }
}
