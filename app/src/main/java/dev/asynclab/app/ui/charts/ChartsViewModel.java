package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import org.HdrHistogram.Histogram;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/// The four charts' datasets, refreshed from the store on the FX thread at most once per frame, each series
/// rebuilt with notification off and one change event at the end (JFreeChart redraws on every event).
///
/// ```java
/// ChartsViewModel charts = new ChartsViewModel();
/// charts.refresh(store);   // in the frame's drain
/// long[] range = charts.bucketRange(3);
/// ```
public final class ChartsViewModel {

    static final int BUCKETS = 40;

    private final XYSeries histogram = new XYSeries("invocations", false, true);
    private final XYSeries p50 = new XYSeries("p50", false, true);
    private final XYSeries p95 = new XYSeries("p95", false, true);
    private final XYSeries p99 = new XYSeries("p99", false, true);
    private final XYSeries active = new XYSeries("active", false, true);
    private final XYSeries queued = new XYSeries("queued", false, true);
    private final XYSeries poolSize = new XYSeries("pool size", false, true);
    private final XYSeries throughput = new XYSeries("completed/s", false, true);
    private final XYSeriesCollection histogramData = new XYSeriesCollection(histogram);
    private final XYSeriesCollection percentileData = new XYSeriesCollection();
    private final XYSeriesCollection loadData = new XYSeriesCollection();
    private final XYSeriesCollection throughputData = new XYSeriesCollection(throughput);
    private LatencyWindows windows = new LatencyWindows();
    private EventStore store;
    private long bucketNanos = 1;
    private long refreshedVersion = -1;
    /// Per window: the count it had when its percentiles were last taken, and those percentiles. Only windows
    /// whose count changed (the last one, mostly) are queried again.
    private long[] cachedCount = new long[0];
    private long[][] cachedPercentiles = new long[0][];
    private long cachedWindowNanos;

    public ChartsViewModel() {
        percentileData.addSeries(p50);
        percentileData.addSeries(p95);
        percentileData.addSeries(p99);
        loadData.addSeries(active);
        loadData.addSeries(queued);
        loadData.addSeries(poolSize); // an adaptive limit's changes show as its steps
    }

    /// Takes in what the store gained since the last call and rebuilds the series.
    public void refresh(EventStore current) {
        if (current != store) {
            store = current;
            windows = new LatencyWindows();
            refreshedVersion = -1;
            cachedCount = new long[0];
        }
        if (current.version() == refreshedVersion) {
            return;
        }
        refreshedVersion = current.version();
        windows.takeIn(current);
        rebuildHistogram();
        rebuildOverTime();
    }

    private void rebuildHistogram() {
        Histogram all = windows.overall();
        long max = all.getTotalCount() == 0 ? 1 : Math.max(1, all.getValueAtPercentile(99.9));
        bucketNanos = Math.max(1, (max + BUCKETS - 1) / BUCKETS);
        histogramData.setIntervalWidth(bucketNanos / 1e6);
        histogram.setNotify(false);
        histogram.clear();
        for (int b = 0; b < BUCKETS && all.getTotalCount() > 0; b++) {
            long lo = b * bucketNanos;
            long hi = (b == BUCKETS - 1) ? Long.MAX_VALUE / 2 : lo + bucketNanos - 1;
            histogram.add((lo + bucketNanos / 2.0) / 1e6, all.getCountBetweenValues(lo, Math.min(hi,
                    all.getMaxValue())));
        }
        histogram.setNotify(true);
    }

    private void rebuildOverTime() {
        for (XYSeries s : new XYSeries[] {p50, p95, p99, active, queued, poolSize, throughput}) {
            s.setNotify(false);
            s.clear();
        }
        double seconds = windows.windowNanos() / 1e9;
        if (cachedWindowNanos != windows.windowNanos()) {
            // The windows were merged: every cached figure belongs to a window that no longer exists.
            cachedWindowNanos = windows.windowNanos();
            cachedCount = new long[0];
            cachedPercentiles = new long[0][];
        }
        if (cachedCount.length < windows.windowCount()) {
            cachedCount = java.util.Arrays.copyOf(cachedCount, LatencyWindows.MAX_WINDOWS);
            cachedPercentiles = java.util.Arrays.copyOf(cachedPercentiles, LatencyWindows.MAX_WINDOWS);
        }
        for (int i = 0; i < windows.windowCount(); i++) {
            Histogram w = windows.window(i);
            long end = (i + 1) * windows.windowNanos();
            double x = end / 1e9;
            if (w.getTotalCount() > 0) {
                long[] p = percentiles(i, w);
                p50.add(x, p[0] / 1e6);
                p95.add(x, p[1] / 1e6);
                p99.add(x, p[2] / 1e6);
            }
            active.add(x, store.activeSeries().valueAt(end));
            queued.add(x, store.queuedSeries().valueAt(end));
            if (store.poolSizeSeries().size() > 0) {
                poolSize.add(x, store.poolSizeSeries().valueAt(end));
            }
            throughput.add(x, w.getTotalCount() / seconds);
        }
        for (XYSeries s : new XYSeries[] {p50, p95, p99, active, queued, poolSize, throughput}) {
            s.setNotify(true);
        }
    }

    private long[] percentiles(int index, Histogram w) {
        if (cachedPercentiles[index] == null || cachedCount[index] != w.getTotalCount()) {
            cachedPercentiles[index] = new long[] {w.getValueAtPercentile(50), w.getValueAtPercentile(95),
                    w.getValueAtPercentile(99)};
            cachedCount[index] = w.getTotalCount();
        }
        return cachedPercentiles[index];
    }

    /// The latency range `[from, to)` in nanoseconds of histogram bucket `index`.
    public long[] bucketRange(int index) {
        long from = index * bucketNanos;
        return new long[] {from, index == BUCKETS - 1 ? Long.MAX_VALUE : from + bucketNanos};
    }

    public XYSeriesCollection histogramData() {
        return histogramData;
    }

    public XYSeriesCollection percentileData() {
        return percentileData;
    }

    public XYSeriesCollection loadData() {
        return loadData;
    }

    public XYSeriesCollection throughputData() {
        return throughputData;
    }

    public long latencyCount() {
        return windows.overall().getTotalCount();
    }
}
