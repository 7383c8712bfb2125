package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

import java.util.List;

/// Gives JFreeCharts the theme's colours (from its CSS tokens, through `OutcomePalette`): background, text, grid,
/// and the series in outcome colours, so every chart of the app, in any window, matches the timeline and legend.
///
/// ```java
/// ChartTheme.apply(chart, palette);
/// ChartTheme.applyAll(tuningWindowRoot, palette);   // every ChartViewer below a node
/// ```
public final class ChartTheme {

    /// The colours series take in order when a chart does not say otherwise: p50, p95, p99 read as success,
    /// warning, failure.
    static final List<Outcome> SERIES = List.of(Outcome.SUCCEEDED, Outcome.TIMED_OUT, Outcome.FAILED,
            Outcome.RUNNING, Outcome.REJECTED, Outcome.LATE, Outcome.CANCELLED);

    private ChartTheme() {
    }

    public static void apply(JFreeChart chart, OutcomePalette palette) {
        java.awt.Color background = awt(palette.background());
        java.awt.Color text = awt(palette.text());
        java.awt.Color grid = awt(palette.grid());
        chart.setBackgroundPaint(background);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(background);
            plot.setDomainGridlinePaint(grid);
            plot.setRangeGridlinePaint(grid);
            for (Axis axis : List.<Axis>of(plot.getDomainAxis(), plot.getRangeAxis())) {
                axis.setLabelPaint(text);
                axis.setTickLabelPaint(text);
            }
            for (int r = 0; r < plot.getRendererCount(); r++) {
                var renderer = plot.getRenderer(r);
                if (renderer != null) {
                    for (int s = 0; s < SERIES.size(); s++) {
                        renderer.setSeriesPaint(s, awt(palette.outcome(SERIES.get(s))));
                    }
                }
            }
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            // The what-if's outcome bars: rows are "as declared" and "what-if", told apart as a run and a result.
            plot.setBackgroundPaint(background);
            plot.setDomainGridlinePaint(grid);
            plot.setRangeGridlinePaint(grid);
            for (Axis axis : List.<Axis>of(plot.getDomainAxis(), plot.getRangeAxis())) {
                axis.setLabelPaint(text);
                axis.setTickLabelPaint(text);
            }
            if (plot.getRenderer() != null) {
                plot.getRenderer().setSeriesPaint(0, awt(palette.outcome(Outcome.RUNNING)));
                plot.getRenderer().setSeriesPaint(1, awt(palette.accent()));
            }
        }
    }

    /// Applies the palette to every chart shown by a `ChartViewer` under `root`.
    public static void applyAll(Parent root, OutcomePalette palette) {
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n instanceof ChartViewer viewer && viewer.getChart() != null) {
                apply(viewer.getChart(), palette);
            } else if (n instanceof javafx.scene.control.TabPane tabs) {
                tabs.getTabs().forEach(t -> {
                    if (t.getContent() instanceof Parent p) {
                        applyAll(p, palette);
                    }
                });
            } else if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() instanceof Parent p) {
                applyAll(p, palette);
            } else if (n instanceof javafx.scene.control.SplitPane split) {
                split.getItems().forEach(i -> {
                    if (i instanceof Parent p) {
                        applyAll(p, palette);
                    }
                });
            } else if (n instanceof Parent p) {
                applyAll(p, palette);
            }
        }
        if (root instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().forEach(t -> {
                if (t.getContent() instanceof Parent p) {
                    applyAll(p, palette);
                }
            });
        }
    }

    /// The AWT colour JFreeChart draws with for a theme colour.
    public static java.awt.Color awt(javafx.scene.paint.Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }
}
