package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.format.Durations;
import dev.asynclab.app.ui.fxml.Fxml;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/// The Sweep tab (`TuningView.fxml`): scenario, pool size range and target on top; latency, throughput and
/// utilization against pool size in the middle; the table, the recommendation and why larger sizes stop helping
/// on the right. A thin controller: binds to `TuningViewModel` and hands clicks on.
///
/// ```java
/// var model = new TuningViewModel();
/// model.onOpenRunProperty().set(size -> mainWindow.openRun(model.scenarioProperty().get(), model.optionsFor(size)));
/// tab.setContent(new TuningView(model));
/// ```
public final class TuningView extends BorderPane {

    @FXML
    private Label scenarioName;
    @FXML
    private Spinner<Integer> from;
    @FXML
    private Spinner<Integer> to;
    @FXML
    private TextField p99;
    @FXML
    private TextField rate;
    @FXML
    private CheckBox real;
    @FXML
    private Button run;
    @FXML
    private Button cancel;
    @FXML
    private ProgressBar progress;
    @FXML
    private ChartViewer latencyViewer;
    @FXML
    private ChartViewer throughputViewer;
    @FXML
    private ChartViewer utilizationViewer;
    @FXML
    private VBox side;
    @FXML
    private Label recommendation;
    @FXML
    private Label explanation;
    @FXML
    private TableView<SweepPoint> table;
    @FXML
    private Button csv;
    @FXML
    private Label exportStatus;
    @FXML
    private Label message;

    private final TuningViewModel model;
    private final TuningCharts charts;

    public TuningView(TuningViewModel model) {
        this.model = model;
        this.charts = new TuningCharts(model);
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        scenarioName.textProperty().bind(Bindings.createStringBinding(() -> model.scenarioProperty().get() == null
                ? "no scenario" : model.scenarioProperty().get().name(), model.scenarioProperty()));
        ViewParts.bindSize(from, model.fromSizeProperty());
        ViewParts.bindSize(to, model.toSizeProperty());
        p99.textProperty().bindBidirectional(model.p99BoundProperty());
        rate.textProperty().bindBidirectional(model.throughputBoundProperty());
        real.selectedProperty().bindBidirectional(model.realClockProperty());
        run.disableProperty().bind(model.runningProperty().or(model.scenarioProperty().isNull()));
        cancel.disableProperty().bind(model.runningProperty().not());
        progress.progressProperty().bind(model.progressProperty());
        showCharts();
        fillTable();
        recommendation.textProperty().bind(Bindings.createStringBinding(() ->
                        model.recommendedSizeProperty().get() == null ? ""
                                : "Recommended pool size: " + model.recommendedSizeProperty().get(),
                model.recommendedSizeProperty()));
        explanation.textProperty().bind(model.explanationProperty());
        message.textProperty().bind(model.messageProperty());
        csv.disableProperty().bind(Bindings.isEmpty(model.points()));
        model.recommendedSizeProperty().addListener((o, was, now) -> mark());
        model.sweptTargetProperty().addListener((o, was, now) -> charts.showTarget(now));
        model.selectedSizeProperty().addListener((o, was, now) -> {
            mark();
            model.points().stream().filter(p -> now != null && p.poolSize() == now).findFirst()
                    .ifPresent(p -> table.getSelectionModel().select(p));
        });
    }

    private void showCharts() {
        List<ChartViewer> viewers = List.of(latencyViewer, throughputViewer, utilizationViewer);
        List<JFreeChart> all = charts.all();
        for (int i = 0; i < all.size(); i++) {
            ChartViewer viewer = viewers.get(i);
            JFreeChart chart = all.get(i);
            ViewParts.show(viewer, chart);
            viewer.addChartMouseListener(new ChartMouseListenerFX() {
                @Override
                public void chartMouseClicked(ChartMouseEventFX event) {
                    if (event.getEntity() instanceof XYItemEntity item) {
                        model.select((int) Math.round(item.getDataset().getXValue(item.getSeriesIndex(),
                                item.getItem())));
                    }
                }

                @Override
                public void chartMouseMoved(ChartMouseEventFX event) {
                }
            });
        }
    }

    private void fillTable() {
        table.getColumns().setAll(List.of(
                ViewParts.textColumn("pool", p -> Integer.toString(p.poolSize())),
                ViewParts.textColumn("p50", p -> Durations.format(p.latency().p50())),
                ViewParts.textColumn("p95", p -> Durations.format(p.latency().p95())),
                ViewParts.textColumn("p99", p -> Durations.format(p.latency().p99())),
                ViewParts.textColumn("throughput", p -> String.format(Locale.ROOT, "%.1f/s", p.throughput())),
                ViewParts.textColumn("util", p -> String.format(Locale.ROOT, "%.0f%%", p.utilization() * 100)),
                ViewParts.textColumn("meets", p -> p.meetsTarget() ? "yes" : "")));
        table.setItems(model.points());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // The side is as wide as the table's content (within reason), so no figure in it is cut.
        side.prefWidthProperty().bind(Bindings.max(360, Bindings.min(640, ViewParts.contentWidth(table)
                .add(side.getPadding().getLeft() + side.getPadding().getRight()))));
        table.setOnMouseClicked(e -> {
            SweepPoint chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.select(chosen.poolSize());
            }
        });
    }

    /// The node to put in a tab (this view).
    public Parent root() {
        return this;
    }

    /// The charts, for export.
    public TuningCharts charts() {
        return charts;
    }

    private void mark() {
        charts.mark(model.recommendedSizeProperty().get(), model.selectedSizeProperty().get());
    }

    @FXML
    private void open() {
        ViewParts.openScenario(getScene().getWindow()).ifPresent(model::load);
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void exportLatency() {
        ViewParts.exportPng(getScene().getWindow(), charts.latency(), "latency.png", exportStatus::setText);
    }

    @FXML
    private void exportThroughput() {
        ViewParts.exportPng(getScene().getWindow(), charts.throughput(), "throughput.png", exportStatus::setText);
    }

    @FXML
    private void exportUtilization() {
        ViewParts.exportPng(getScene().getWindow(), charts.utilization(), "utilization.png", exportStatus::setText);
    }

    @FXML
    private void exportCsv() {
        ViewParts.saveFile(getScene().getWindow(), "Export the sweep table", "sweep.csv", "*.csv").ifPresent(file -> {
            try {
                model.exportCsv(file);
                exportStatus.setText("Wrote " + file);
            } catch (IOException ex) {
                exportStatus.setText("Cannot write " + file + ": " + ex.getMessage());
            }
        });
    }
}
