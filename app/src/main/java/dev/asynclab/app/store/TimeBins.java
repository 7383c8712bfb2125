package dev.asynclab.app.store;

/// A coarse summary of one lane over time: the maximum of some value (an outcome's notability, a marker kind, a
/// queue depth) per time bin. Bins start at 1 µs and double (merging pairs) whenever the run outgrows `CAPACITY`
/// bins, so a summary never holds more than a few thousand numbers however long the run.
///
/// The timeline draws from it when a pixel spans at least a bin: a fit-all frame then costs bins, not events.
///
/// ```java
/// TimeBins bins = new TimeBins();
/// bins.max(2_000, 9_000, 3);       // the value 3 over [2 µs, 9 µs]
/// int v = bins.maxOver(0, 10_000);  // 3
/// ```
public final class TimeBins {

    static final int CAPACITY = 4096;

    private long binNanos = 1024;
    private final int[] bins = new int[CAPACITY];

    /// Raises every bin overlapping `[from, to]` to at least `value`.
    public void max(long from, long to, int value) {
        if (from < 0 || to < from) {
            return;
        }
        while (to / binNanos >= CAPACITY) {
            coarsen();
        }
        for (int b = (int) (from / binNanos), last = (int) (to / binNanos); b <= last; b++) {
            if (bins[b] < value) {
                bins[b] = value;
            }
        }
    }

    private void coarsen() {
        for (int b = 0; b < CAPACITY / 2; b++) {
            bins[b] = Math.max(bins[2 * b], bins[2 * b + 1]);
        }
        java.util.Arrays.fill(bins, CAPACITY / 2, CAPACITY, 0);
        binNanos *= 2;
    }

    /// The width of one bin in nanoseconds.
    public long binNanos() {
        return binNanos;
    }

    /// The largest value of the bins overlapping `[from, to)`, 0 when none.
    public int maxOver(long from, long to) {
        if (to <= 0) {
            return 0;
        }
        int first = (int) Math.max(0, from / binNanos);
        int last = (int) Math.min(CAPACITY - 1, (to - 1) / binNanos);
        int max = 0;
        for (int b = first; b <= last; b++) {
            max = Math.max(max, bins[b]);
        }
        return max;
    }
}
