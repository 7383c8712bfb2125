package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.format.Durations;
import dev.asynclab.app.ui.timeline.Highlight;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.HdrHistogram.Histogram;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/// The four charts' datasets, refreshed from the store on the FX thread at most once per frame, each series
/// rebuilt with notification off and one change event at the end (JFreeChart redraws on every event).
///
/// The latency charts count attempts or calls end to end (`measure`); either way the rejections are left out
/// of the histogram and the percentiles (they end at once, and would make a 0 ms bar nobody could read) and
/// counted apart (`rejected`, and a note on the histogram).
///
/// ```java
/// ChartsViewModel charts = new ChartsViewModel();
/// charts.measureProperty().set(LatencyMeasure.CALLS);
/// charts.takeIn(store);    // in a frame that redraws no chart: the series stay as they are
/// charts.refresh(store);   // in the frame that redraws
/// Highlight lit = charts.bucketHighlight(3);
/// ```
public final class ChartsViewModel {

    static final int BUCKETS = 40;

    private final XYSeries histogram = new XYSeries(LatencyMeasure.ATTEMPTS.counted(), false, true);
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
    private final ObjectProperty<LatencyMeasure> measure = new SimpleObjectProperty<>(this, "measure",
            LatencyMeasure.ATTEMPTS);
    private final ReadOnlyLongWrapper rejected = new ReadOnlyLongWrapper(this, "rejected");
    private final ReadOnlyStringWrapper histogramTitle = new ReadOnlyStringWrapper(this, "histogramTitle");
    private final ReadOnlyStringWrapper rejectedNote = new ReadOnlyStringWrapper(this, "rejectedNote", "");
    private LatencyWindows windows = new LatencyWindows();
    private EventStore store;
    private long bucketNanos = 1;
    /// The store version the latency windows have taken in, and the one the series show.
    private long takenVersion = -1;
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
        histogramTitle.set(titleOf(measure.get()));
        measure.addListener((o, was, now) -> {
            histogramTitle.set(titleOf(now));
            histogram.setKey(now.counted()); // what a bar's tooltip says it counts
            if (store != null) {
                EventStore current = store;
                store = null; // counted again from the start, the other way
                refresh(current);
            }
        });
    }

    private static String titleOf(LatencyMeasure m) {
        return "Latency of " + m.counted();
    }

    /// Takes in the latencies the store gained since the last call, and leaves the series and properties as they
    /// are: nothing a chart listens to changes, so no chart redraws. A live run calls it in every frame between
    /// two redraws, so the frame that redraws a chart does not also take in all the attempts that ended since the
    /// last one (it did: a JFR profile of the live-run benchmark put that at half of such a frame's model work).
    public void takeIn(EventStore current) {
        if (current != store) {
            store = current;
            windows = new LatencyWindows(measure.get());
            takenVersion = -1;
            refreshedVersion = -1;
            cachedCount = new long[0];
            cachedPercentiles = new long[0][];
        }
        if (current.version() != takenVersion) {
            takenVersion = current.version();
            windows.takeIn(current);
        }
    }

    /// Takes in what the store gained since the last call and rebuilds the series.
    public void refresh(EventStore current) {
        takeIn(current);
        if (takenVersion == refreshedVersion) {
            return;
        }
        refreshedVersion = takenVersion;
        rebuildHistogram();
        rebuildOverTime();
        rejected.set(windows.rejected());
        rejectedNote.set(windows.rejected() == 0 ? "" : String.format(java.util.Locale.ROOT,
                "+ %,d rejected (no latency: not in the bars)", windows.rejected()));
    }

    private void rebuildHistogram() {
        Histogram all = windows.overall();
        long max = all.getTotalCount() == 0 ? 1 : Math.max(1, all.getValueAtPercentile(99.9));
        bucketNanos = Math.max(1, (max + BUCKETS - 1) / BUCKETS);
        histogramData.setIntervalWidth(bucketNanos / 1e6);
        // Each recorded value counted in exactly one bar (by the middle of its 1 % range): asking the histogram
        // for the count between two values counts a range at a bars' border in both bars.
        long[] counts = new long[BUCKETS];
        for (var v : all.recordedValues()) {
            long value = all.medianEquivalentValue(v.getValueIteratedTo());
            counts[(int) Math.min(BUCKETS - 1, value / bucketNanos)] += v.getCountAtValueIteratedTo();
        }
        histogram.setNotify(false);
        histogram.clear();
        for (int b = 0; b < BUCKETS && all.getTotalCount() > 0; b++) {
            histogram.add((b * bucketNanos + bucketNanos / 2.0) / 1e6, counts[b]);
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

    /// The attempts histogram bucket `index` counts (for calls, every attempt of each call in it), as a highlight.
    public Highlight bucketHighlight(int index) {
        long[] range = bucketRange(index);
        var ids = store == null ? java.util.List.<Long>of() : windows.attemptIds(store, range[0], range[1]);
        String span = range[1] == Long.MAX_VALUE ? Durations.format(range[0]) + " or more"
                : Durations.format(range[0]) + " – " + Durations.format(range[1]);
        return Highlight.ids(ids, false, measure.get().counted() + " of " + span);
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

    /// How many latencies the charts hold (attempts or calls, rejections left out).
    public long latencyCount() {
        return windows.overall().getTotalCount();
    }

    /// Whether the latency charts count attempts or calls end to end.
    public ObjectProperty<LatencyMeasure> measureProperty() {
        return measure;
    }

    /// How many attempts or calls were rejected: counted apart, in no bar.
    public ReadOnlyLongProperty rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    /// The histogram's title, which says what it counts ("Latency of calls").
    public ReadOnlyStringProperty histogramTitleProperty() {
        return histogramTitle.getReadOnlyProperty();
    }

    /// The histogram's note on the rejections ("+ 12 rejected (no latency: not in the bars)"), empty for none.
    public ReadOnlyStringProperty rejectedNoteProperty() {
        return rejectedNote.getReadOnlyProperty();
    }
}
