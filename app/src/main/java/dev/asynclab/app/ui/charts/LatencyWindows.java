package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/// The run's latencies, overall and per time window, taken in incrementally from the store's ended attempts or
/// calls (as `LatencyMeasure` says); rejections are counted apart and are in no
/// histogram. Windows start at 10 ms and double (merging pairs) when the run outgrows `MAX_WINDOWS`, so the
/// charts never hold more than a hundred points however long the run.
///
/// ```java
/// LatencyWindows w = new LatencyWindows(LatencyMeasure.CALLS);
/// w.takeIn(store);                 // once per frame
/// long p99 = w.overall().getValueAtPercentile(99);
/// long refused = w.rejected();
/// ```
public final class LatencyWindows implements LatencySource.Sink {

    static final int MAX_WINDOWS = 100;

    private final LatencyMeasure measure;
    private final LatencySource source;
    private final Histogram overall = histogram();
    private final List<Histogram> windows = new ArrayList<>();
    private long windowNanos = 10_000_000;
    private long rejected;

    /// Counting attempts.
    public LatencyWindows() {
        this(LatencyMeasure.ATTEMPTS);
    }

    public LatencyWindows(LatencyMeasure measure) {
        this.measure = measure;
        this.source = LatencySource.of(measure);
    }

    private static Histogram histogram() {
        // Two significant digits (1 %) are plenty for a chart and make percentile queries ten times cheaper.
        Histogram h = new Histogram(2);
        h.setAutoResize(true);
        return h;
    }

    /// Records what ended since the last call (always the same store).
    public void takeIn(EventStore store) {
        source.takeIn(store, this);
    }

    @Override
    public void ended(long endedAt, long latency) {
        overall.recordValue(latency);
        window(endedAt).recordValue(latency);
    }

    @Override
    public void rejected(long endedAt) {
        rejected++;
        window(endedAt); // the run's span still reaches it
    }

    /// The ids of the attempts counted in `[from, to)`: those a histogram bar stands for.
    public List<Long> attemptIds(EventStore store, long from, long to) {
        return source.attemptIds(store, from, to);
    }

    public LatencyMeasure measure() {
        return measure;
    }

    /// How many were rejected (and so are in no histogram).
    public long rejected() {
        return rejected;
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
