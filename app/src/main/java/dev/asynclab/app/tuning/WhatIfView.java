package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.format.Durations;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.util.List;
import java.util.Locale;

/// What-if sliders (arrival rate factor, pool size, timeout, retry attempts) beside the latency CDF and the
/// outcome counts of the declared scenario and of the what-if; the charts follow the sliders. Only binds to
/// `WhatIfViewModel`.
///
/// ```java
/// tab.setContent(new WhatIfView(new WhatIfViewModel()).root());
/// ```
public final class WhatIfView {

    private final WhatIfViewModel model;
    private final BorderPane root = new BorderPane();
    private final JFreeChart cdf;
    private final JFreeChart outcomes;
    private final Label exportStatus = ViewParts.wrapped("whatif-export-status");

    public WhatIfView(WhatIfViewModel model) {
        this.model = model;
        root.setId("whatif-view");
        cdf = ChartFactory.createXYLineChart("Latency distribution (CDF)", "latency (ms)",
                "fraction of invocations at or below", model.cdfData());
        outcomes = ChartFactory.createBarChart("Outcomes", "", "invocations", model.outcomeData());
        ChartViewer cdfViewer = new ChartViewer(cdf);
        cdfViewer.setId("whatif-chart-cdf");
        ChartViewer outcomeViewer = new ChartViewer(outcomes);
        outcomeViewer.setId("whatif-chart-outcomes");
        var charts = new VBox(4, ViewParts.chartCell(cdfViewer, cdf, "whatif-cdf.png", exportStatus::setText),
                ViewParts.chartCell(outcomeViewer, outcomes, "whatif-outcomes.png", exportStatus::setText));
        charts.getChildren().forEach(c -> VBox.setVgrow(c, Priority.ALWAYS));
        root.setCenter(charts);
        root.setLeft(sliders());
    }

    /// The node to put in a tab.
    public Parent root() {
        return root;
    }

    /// The latency CDF and the outcome chart.
    public List<JFreeChart> charts() {
        return List.of(cdf, outcomes);
    }

    private VBox sliders() {
        Slider rate = new Slider(0.25, 4, model.arrivalScaleProperty().get());
        rate.setId("whatif-rate");
        rate.valueProperty().bindBidirectional(model.arrivalScaleProperty());
        Slider pool = new Slider(1, model.maxPoolSizeProperty().get(), model.poolSizeProperty().get());
        pool.setId("whatif-pool");
        pool.setSnapToTicks(true);
        pool.setMajorTickUnit(1);
        pool.setMinorTickCount(0);
        pool.setBlockIncrement(1); // the arrow keys step one worker at a time
        pool.maxProperty().bind(model.maxPoolSizeProperty());
        pool.valueProperty().bindBidirectional(model.poolSizeProperty());
        Slider timeout = new Slider(0, model.maxTimeoutMillisProperty().get(), model.timeoutMillisProperty().get());
        timeout.setId("whatif-timeout");
        timeout.maxProperty().bind(model.maxTimeoutMillisProperty());
        timeout.valueProperty().bindBidirectional(model.timeoutMillisProperty());
        Slider attempts = new Slider(1, 6, model.retryAttemptsProperty().get());
        attempts.setId("whatif-attempts");
        attempts.setSnapToTicks(true);
        attempts.setMajorTickUnit(1);
        attempts.setMinorTickCount(0);
        attempts.setBlockIncrement(1);
        attempts.valueProperty().bindBidirectional(model.retryAttemptsProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        row(grid, 0, "Arrival rate", rate, Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.2fx",
                model.arrivalScaleProperty().get()), model.arrivalScaleProperty()));
        row(grid, 1, "Pool size", pool, model.poolSizeProperty().asString());
        row(grid, 2, "Timeout", timeout, Bindings.createStringBinding(() -> model.timeoutMillisProperty().get() < 1
                ? "none" : Durations.format(Math.round(model.timeoutMillisProperty().get() * 1e6)),
                model.timeoutMillisProperty()));
        row(grid, 3, "Attempts", attempts, model.retryAttemptsProperty().asString());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("whatif-busy");
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(model.runningProperty());
        Label summary = ViewParts.wrapped("whatif-summary");
        summary.textProperty().bind(model.summaryTextProperty());
        Label message = ViewParts.wrapped("whatif-message");
        message.textProperty().bind(model.messageProperty());
        VBox box = new VBox(10, grid, busy, summary, message, exportStatus);
        box.setPadding(new Insets(8));
        box.setPrefWidth(360);
        return box;
    }

    private static void row(GridPane grid, int row, String title, Slider slider,
                            javafx.beans.binding.StringExpression value) {
        Label valueLabel = new Label();
        valueLabel.textProperty().bind(value);
        valueLabel.setMinWidth(60);
        GridPane.setHgrow(slider, Priority.ALWAYS);
        grid.addRow(row, new Label(title), slider, valueLabel);
    }
}
