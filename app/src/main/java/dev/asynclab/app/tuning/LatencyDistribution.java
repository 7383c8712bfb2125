package dev.asynclab.app.tuning;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.lab.lifecycle.Lifecycle;
import org.HdrHistogram.Histogram;
import org.jfree.data.xy.XYSeries;

/// The full latency distribution of a run (first to terminal event, as `RunMetrics` measures it), kept in an
/// HdrHistogram so that two runs can be overlaid, not only compared by a few percentiles.
///
/// ```java
/// var latencies = new LatencyDistribution();
/// ScenarioRunner.start(scenario, options, List.of(latencies), null).await();
/// XYSeries cdf = latencies.cdf("pool 4");
/// ```
public final class LatencyDistribution implements EventSink {

    private final Histogram histogram = new Histogram(3);
    /// The lab's lifecycle fold, the one `RunMetrics` measures latency by: first event to terminal event.
    private final Lifecycle lifecycle = Lifecycle.forgetting(new Lifecycle.Listener() {
        @Override
        public void ended(Lifecycle l, int slot, Event e) {
            histogram.recordValue(Math.max(0, e.t() - l.openedAt(slot)));
        }
    });

    @Override
    public void onEvent(Event e) {
        lifecycle.accept(e);
    }

    /// A copy of the distribution so far (call after the run, or from the bus's thread).
    public Histogram histogram() {
        return histogram.copy();
    }

    /// The cumulative distribution: latency in milliseconds against the fraction of invocations at or below it.
    public XYSeries cdf(String key) {
        return cdfOf(histogram, key);
    }

    static XYSeries cdfOf(Histogram h, String key) {
        XYSeries series = new XYSeries(key, true, true);
        series.setNotify(false);
        long total = h.getTotalCount();
        long seen = 0;
        for (var v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            series.add(h.highestEquivalentValue(v.getValueIteratedTo()) / 1e6, (double) seen / total);
        }
        series.setNotify(true);
        return series;
    }
}
