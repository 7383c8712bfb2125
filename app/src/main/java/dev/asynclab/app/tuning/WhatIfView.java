package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.format.Durations;
import dev.asynclab.app.ui.fxml.Fxml;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.util.List;
import java.util.Locale;

/// The What-if tab (`WhatIfView.fxml`): sliders (arrival rate factor, pool size, timeout, retry attempts) beside
/// the latency CDF and the outcome counts of the declared scenario and of the what-if; the charts follow the
/// sliders, and a button runs the what-if in the main window. A thin controller: binds to `WhatIfViewModel`.
///
/// ```java
/// tab.setContent(new WhatIfView(new WhatIfViewModel()));
/// ```
public final class WhatIfView extends BorderPane {

    @FXML
    private Slider rate;
    @FXML
    private Label rateValue;
    @FXML
    private Slider pool;
    @FXML
    private Label poolValue;
    @FXML
    private Slider timeout;
    @FXML
    private Label timeoutValue;
    @FXML
    private Slider attempts;
    @FXML
    private Label attemptsValue;
    @FXML
    private Button openRun;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label summary;
    @FXML
    private Label message;
    @FXML
    private Label exportStatus;
    @FXML
    private ChartViewer cdfViewer;
    @FXML
    private ChartViewer outcomeViewer;

    private final WhatIfViewModel model;
    private final JFreeChart cdf;
    private final JFreeChart outcomes;

    public WhatIfView(WhatIfViewModel model) {
        this.model = model;
        cdf = ChartFactory.createXYLineChart("Latency distribution (CDF)", "latency (ms)", "fraction at or below",
                model.cdfData());
        outcomes = ChartFactory.createBarChart("Outcomes", "", "invocations", model.outcomeData());
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        rate.valueProperty().bindBidirectional(model.arrivalScaleProperty());
        pool.maxProperty().bind(model.maxPoolSizeProperty());
        pool.valueProperty().bindBidirectional(model.poolSizeProperty());
        timeout.maxProperty().bind(model.maxTimeoutMillisProperty());
        timeout.valueProperty().bindBidirectional(model.timeoutMillisProperty());
        attempts.valueProperty().bindBidirectional(model.retryAttemptsProperty());
        rateValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.2fx",
                model.arrivalScaleProperty().get()), model.arrivalScaleProperty()));
        poolValue.textProperty().bind(model.poolSizeProperty().asString());
        timeoutValue.textProperty().bind(Bindings.createStringBinding(() -> model.timeoutMillisProperty().get() < 1
                ? "none" : Durations.format(Math.round(model.timeoutMillisProperty().get() * 1e6)),
                model.timeoutMillisProperty()));
        attemptsValue.textProperty().bind(model.retryAttemptsProperty().asString());
        openRun.disableProperty().bind(model.scenarioProperty().isNull());
        busy.visibleProperty().bind(model.runningProperty());
        summary.textProperty().bind(model.summaryTextProperty());
        message.textProperty().bind(model.messageProperty());
        ViewParts.show(cdfViewer, cdf);
        ViewParts.show(outcomeViewer, outcomes);
    }

    /// The node to put in a tab (this view).
    public Parent root() {
        return this;
    }

    /// The latency CDF and the outcome chart.
    public List<JFreeChart> charts() {
        return List.of(cdf, outcomes);
    }

    @FXML
    private void openRun() {
        model.openRun();
    }

    @FXML
    private void exportCdf() {
        ViewParts.exportPng(getScene().getWindow(), cdf, "whatif-cdf.png", exportStatus::setText);
    }

    @FXML
    private void exportOutcomes() {
        ViewParts.exportPng(getScene().getWindow(), outcomes, "whatif-outcomes.png", exportStatus::setText);
    }
}
