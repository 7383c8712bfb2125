package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.format.Durations;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/// The Tuning tab: scenario, pool size range and target on top; latency, throughput and utilization against pool
/// size in the middle; the table, the recommendation and why larger sizes stop helping on the right. Only binds
/// to `TuningViewModel` and hands clicks on.
///
/// ```java
/// var model = new TuningViewModel();
/// model.onOpenRunProperty().set(size -> mainWindow.openRun(model.scenarioProperty().get(), model.optionsFor(size)));
/// tab.setContent(new TuningView(model).root());
/// ```
public final class TuningView {

    private final TuningViewModel model;
    private final TuningCharts charts;
    private final BorderPane root = new BorderPane();
    private final TableView<SweepPoint> table = new TableView<>();
    private final Label exportStatus = ViewParts.wrapped("tuning-export-status");

    public TuningView(TuningViewModel model) {
        this.model = model;
        this.charts = new TuningCharts(model);
        root.setId("tuning-view");
        root.setTop(toolbar());
        root.setCenter(chartGrid());
        root.setRight(side());
        model.recommendedSizeProperty().addListener((o, was, now) -> mark());
        model.sweptTargetProperty().addListener((o, was, now) -> charts.showTarget(now));
        model.selectedSizeProperty().addListener((o, was, now) -> {
            mark();
            model.points().stream().filter(p -> now != null && p.poolSize() == now).findFirst()
                    .ifPresent(p -> table.getSelectionModel().select(p));
        });
    }

    /// The node to put in a tab.
    public Parent root() {
        return root;
    }

    /// The charts, for export.
    public TuningCharts charts() {
        return charts;
    }

    private void mark() {
        charts.mark(model.recommendedSizeProperty().get(), model.selectedSizeProperty().get());
    }

    private ToolBar toolbar() {
        Button open = new Button("Open…");
        open.setId("tuning-open");
        open.setOnAction(e -> ViewParts.openScenario(root.getScene().getWindow()).ifPresent(model::load));
        Label name = new Label();
        name.textProperty().bind(Bindings.createStringBinding(() -> model.scenarioProperty().get() == null
                ? "no scenario" : model.scenarioProperty().get().name(), model.scenarioProperty()));
        Spinner<Integer> from = ViewParts.sizeSpinner("tuning-from", model.fromSizeProperty());
        Spinner<Integer> to = ViewParts.sizeSpinner("tuning-to", model.toSizeProperty());
        TextField p99 = new TextField();
        p99.setId("tuning-p99");
        p99.setPromptText("250ms");
        p99.setPrefColumnCount(6);
        p99.textProperty().bindBidirectional(model.p99BoundProperty());
        TextField rate = new TextField();
        rate.setId("tuning-throughput");
        rate.setPromptText("100/s");
        rate.setPrefColumnCount(6);
        rate.textProperty().bindBidirectional(model.throughputBoundProperty());
        CheckBox real = new CheckBox("Real clock");
        real.setId("tuning-real");
        real.selectedProperty().bindBidirectional(model.realClockProperty());
        Button run = new Button("Run sweep");
        run.setId("tuning-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty().or(model.scenarioProperty().isNull()));
        run.setOnAction(e -> model.run());
        Button cancel = new Button("Cancel");
        cancel.setId("tuning-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("tuning-progress");
        progress.progressProperty().bind(model.progressProperty());
        return new ToolBar(open, name, new Label("Pool sizes"), from, new Label("to"), to, new Label("p99 <"), p99,
                new Label("throughput >"), rate, real, run, cancel, progress);
    }

    private GridPane chartGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        String[] ids = {"tuning-chart-latency", "tuning-chart-throughput", "tuning-chart-utilization"};
        String[] files = {"latency.png", "throughput.png", "utilization.png"};
        List<JFreeChart> all = charts.all();
        for (int i = 0; i < all.size(); i++) {
            ChartViewer viewer = new ChartViewer(all.get(i));
            viewer.setId(ids[i]);
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
            var cell = ViewParts.chartCell(viewer, all.get(i), files[i], exportStatus::setText);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            grid.add(cell, i == 0 ? 0 : 1, i == 0 ? 0 : i - 1, 1, i == 0 ? 2 : 1);
        }
        var half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        return grid;
    }

    private VBox side() {
        table.setId("tuning-table");
        table.getColumns().setAll(List.of(
                ViewParts.textColumn("pool", p -> Integer.toString(p.poolSize())),
                ViewParts.textColumn("p50", p -> Durations.format(p.latency().p50())),
                ViewParts.textColumn("p95", p -> Durations.format(p.latency().p95())),
                ViewParts.textColumn("p99", p -> Durations.format(p.latency().p99())),
                ViewParts.textColumn("throughput", p -> String.format(Locale.ROOT, "%.1f/s", p.throughput())),
                ViewParts.textColumn("util", p -> String.format(Locale.ROOT, "%.0f%%", p.utilization() * 100)),
                ViewParts.textColumn("meets", p -> p.meetsTarget() ? "yes" : "")));
        table.setItems(model.points());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setOnMouseClicked(e -> {
            SweepPoint chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.select(chosen.poolSize());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label recommendation = ViewParts.wrapped("tuning-recommendation");
        recommendation.getStyleClass().add("title-4");
        recommendation.textProperty().bind(Bindings.createStringBinding(() ->
                        model.recommendedSizeProperty().get() == null ? ""
                                : "Recommended pool size: " + model.recommendedSizeProperty().get(),
                model.recommendedSizeProperty()));
        Label why = ViewParts.wrapped("tuning-explanation");
        why.textProperty().bind(model.explanationProperty());
        Label message = ViewParts.wrapped("tuning-message");
        message.textProperty().bind(model.messageProperty());
        Button csv = new Button("Export CSV…");
        csv.setId("tuning-csv");
        csv.disableProperty().bind(Bindings.isEmpty(model.points()));
        csv.setOnAction(e -> ViewParts.saveFile(root.getScene().getWindow(), "Export the sweep table", "sweep.csv",
                "*.csv").ifPresent(file -> {
                    try {
                        model.exportCsv(file);
                        exportStatus.setText("Wrote " + file);
                    } catch (IOException ex) {
                        exportStatus.setText("Cannot write " + file + ": " + ex.getMessage());
                    }
                }));
        Label hint = new Label("Click a size (in a chart or the table) to open its run.");
        hint.setWrapText(true);
        VBox side = new VBox(8, recommendation, why, table, csv, exportStatus, hint, message);
        side.setPadding(new Insets(8));
        side.setPrefWidth(420);
        return side;
    }
}
