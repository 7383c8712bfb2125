package dev.asynclab.app.tuning;

import org.jfree.data.xy.XYSeries;

/// Changes JFreeChart series with notification off and one change event per series at the end, because a chart
/// redraws on every event.
///
/// ```java
/// SeriesBatch.replace(series, xs, ys);
/// ```
final class SeriesBatch {

    private SeriesBatch() {
    }

    /// Appends points, then notifies once.
    static void append(XYSeries series, double[] xs, double[] ys) {
        series.setNotify(false);
        for (int i = 0; i < xs.length; i++) {
            series.add(xs[i], ys[i]);
        }
        series.setNotify(true); // fires the one change event
    }

    /// Replaces all points, then notifies once.
    static void replace(XYSeries series, double[] xs, double[] ys) {
        series.setNotify(false);
        series.clear();
        for (int i = 0; i < xs.length; i++) {
            series.add(xs[i], ys[i]);
        }
        series.setNotify(true);
    }
}
