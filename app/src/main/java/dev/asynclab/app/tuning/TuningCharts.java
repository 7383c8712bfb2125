package dev.asynclab.app.tuning;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.charts.ChartTheme;
import dev.asynclab.app.ui.format.Durations;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import dev.asynclab.lab.scenario.SweepTarget;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// The sweep's three charts against pool size (latency percentiles on a log axis, throughput, utilization) over
/// the view model's datasets, with markers at the recommended and the selected size. Not a `Node`: the view wraps
/// each chart in a `ChartViewer`, and the charts export as PNG without a screen.
///
/// ```java
/// var charts = new TuningCharts(model);
/// charts.mark(5, null);
/// charts.exportAll(Path.of("out"));   // latency.png, throughput.png, utilization.png
/// ```
public final class TuningCharts {

    private final JFreeChart latency;
    private final JFreeChart throughput;
    private final JFreeChart utilization;
    /// The recommendation's marker and the target's lines take the theme's success colour, the selected size's
    /// the accent ([#usePalette]).
    private Color recommended;
    private Color selected;
    private Color labels;
    private Integer markedRecommended;
    private Integer markedSelected;
    private SweepTarget shownTarget;

    public TuningCharts(TuningViewModel model) {
        latency = line("Latency by pool size", "latency (ms, log scale)", model.latencyData());
        LogAxis log = new LogAxis("latency (ms, log scale)");
        log.setSmallestValue(0.001); // a zero latency (an instant rejection) must not break the log axis
        log.setTickUnit(new NumberTickUnit(1)); // one tick per decade: 1, 10, 100, 1,000 ms
        log.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        log.setMinorTickMarksVisible(true);
        latency.getXYPlot().setRangeAxis(log);
        throughput = line("Throughput by pool size", "invocations ended / s", model.throughputData());
        utilization = line("Utilization by pool size", "utilization (%)", model.utilizationData());
        throughput.removeLegend();
        utilization.removeLegend();
        // No colour until the theme's palette arrives (usePalette): the markers it draws wait for it.
    }

    private static JFreeChart line(String title, String yLabel, XYDataset data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "pool size", yLabel, data);
        XYPlot plot = chart.getXYPlot();
        var renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator());
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /// Draws the target's bounds as horizontal lines: latency percentiles on the latency chart, throughput on the
    /// throughput chart (null: none).
    public void showTarget(SweepTarget target) {
        shownTarget = target;
        latency.getXYPlot().clearRangeMarkers();
        throughput.getXYPlot().clearRangeMarkers();
        if (target == null || recommended == null) {
            return;
        }
        for (SweepTarget.Bound b : target.bounds()) {
            boolean rate = b.measure().equals("throughput");
            double value = rate ? b.limit() : b.limit() / 1e6;
            var line = new ValueMarker(value, recommended, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[]{6f, 4f}, 0f));
            line.setLabelPaint(labels);
            line.setLabel("target " + b.measure() + (rate ? " > " : " < ") + (rate ? b.limit() + "/s"
                    : Durations.format((long) b.limit())));
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            (rate ? throughput : latency).getXYPlot().addRangeMarker(line);
        }
    }

    /// Latency, throughput, utilization.
    public List<JFreeChart> all() {
        return List.of(latency, throughput, utilization);
    }

    public JFreeChart latency() {
        return latency;
    }

    public JFreeChart throughput() {
        return throughput;
    }

    public JFreeChart utilization() {
        return utilization;
    }

    /// Puts a marker at the recommended size and one at the selected size (either may be null: no marker).
    public void mark(Integer recommendedSize, Integer selectedSize) {
        markedRecommended = recommendedSize;
        markedSelected = selectedSize;
        if (recommended == null) {
            return; // drawn once the theme's palette arrives
        }
        for (JFreeChart chart : all()) {
            XYPlot plot = chart.getXYPlot();
            plot.clearDomainMarkers();
            if (recommendedSize != null) {
                plot.addDomainMarker(marker(recommendedSize, recommended, "smallest meeting target: "
                        + recommendedSize));
            }
            if (selectedSize != null && !selectedSize.equals(recommendedSize)) {
                plot.addDomainMarker(marker(selectedSize, selected, "selected: " + selectedSize));
            }
        }
    }

    /// Takes the markers' colours from the theme (its success and accent colours) and redraws those shown; the
    /// series' colours are `ChartTheme`'s.
    public void usePalette(OutcomePalette palette) {
        recommended = ChartTheme.awt(palette.outcome(Outcome.SUCCEEDED));
        selected = ChartTheme.awt(palette.accent());
        labels = ChartTheme.awt(palette.text());
        mark(markedRecommended, markedSelected);
        showTarget(shownTarget);
    }

    private ValueMarker marker(int size, Color color, String label) {
        var marker = new ValueMarker(size, color, new BasicStroke(2f));
        marker.setLabel(label);
        marker.setLabelPaint(labels);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    /// Writes latency.png, throughput.png and utilization.png into `folder`.
    public List<Path> exportAll(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        String[] names = {"latency.png", "throughput.png", "utilization.png"};
        for (int i = 0; i < names.length; i++) {
            Path file = folder.resolve(names[i]);
            ChartPng.write(all().get(i), file, 1200, 700);
            files.add(file);
        }
        return files;
    }
}
