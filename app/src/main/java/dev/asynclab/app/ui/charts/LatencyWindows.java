package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/// The run's latencies, overall and per time window, taken in incrementally from the store's ended
/// invocations. Windows start at 10 ms and double (merging pairs) when the run outgrows `MAX_WINDOWS`, so the
/// charts never hold more than a hundred points however long the run.
///
/// ```java
/// LatencyWindows w = new LatencyWindows();
/// w.takeIn(store);                 // once per frame
/// long p99 = w.overall().getValueAtPercentile(99);
/// ```
public final class LatencyWindows {

    static final int MAX_WINDOWS = 100;

    private final Histogram overall = histogram();
    private final List<Histogram> windows = new ArrayList<>();
    private long windowNanos = 10_000_000;
    private int taken;

    private static Histogram histogram() {
        // Two significant digits (1 %) are plenty for a chart and make percentile queries ten times cheaper.
        Histogram h = new Histogram(2);
        h.setAutoResize(true);
        return h;
    }

    /// Records the invocations that ended since the last call.
    public void takeIn(EventStore store) {
        InvocationTable inv = store.invocations();
        for (; taken < store.endedCount(); taken++) {
            int slot = store.endedSlot(taken);
            long latency = Math.max(0, inv.latency(slot));
            overall.recordValue(latency);
            window(inv.endedAt(slot)).recordValue(latency);
        }
    }

    private Histogram window(long t) {
        while (t / windowNanos >= MAX_WINDOWS) {
            coarsen();
        }
        int index = (int) (t / windowNanos);
        while (windows.size() <= index) {
            windows.add(histogram());
        }
        return windows.get(index);
    }

    private void coarsen() {
        List<Histogram> merged = new ArrayList<>();
        for (int i = 0; i < windows.size(); i += 2) {
            Histogram h = windows.get(i).copy();
            if (i + 1 < windows.size()) {
                h.add(windows.get(i + 1));
            }
            merged.add(h);
        }
        windows.clear();
        windows.addAll(merged);
        windowNanos *= 2;
    }

    public Histogram overall() {
        return overall;
    }

    public int windowCount() {
        return windows.size();
    }

    public Histogram window(int index) {
        return windows.get(index);
    }

    public long windowNanos() {
        return windowNanos;
    }
}
