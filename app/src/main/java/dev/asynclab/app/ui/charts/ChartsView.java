package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import javafx.scene.control.Button;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/// The four charts (JFreeChart-FX): latency histogram, p50/p95/p99 over time, active and queued over time,
/// throughput over time; each with a PNG button; a click on a histogram bar reports its latency range.
public final class ChartsView extends GridPane {

    static final double MIN_READABLE_HEIGHT = 170;
    static final double MIN_READABLE_WIDTH = 220;

    private final ChartsViewModel model;
    private final List<StackPane> cells = new java.util.ArrayList<>();
    private int arrangedColumns;
    private final JFreeChart histogram;
    private final List<JFreeChart> charts;
    private Consumer<long[]> onBucket = range -> { };

    /// With a model of its own (FXML makes it so).
    public ChartsView() {
        this(new ChartsViewModel());
    }

    public ChartsView(ChartsViewModel model) {
        ChartText.useCanvasText();
        this.model = model;
        histogram = ChartFactory.createXYBarChart("Latency histogram", "latency (ms)", false, "invocations",
                model.histogramData());
        JFreeChart percentiles = ChartFactory.createXYLineChart("Latency percentiles", "run time (s)",
                "latency (ms)", model.percentileData());
        JFreeChart load = ChartFactory.createXYLineChart("Active, queued and pool size", "run time (s)", "invocations",
                model.loadData());
        JFreeChart throughput = ChartFactory.createXYLineChart("Throughput", "run time (s)", "completed / s",
                model.throughputData());
        charts = List.of(histogram, percentiles, load, throughput);
        ((XYBarRenderer) histogram.getXYPlot().getRenderer()).setBarPainter(new StandardXYBarPainter());
        histogram.removeLegend();
        throughput.removeLegend();
        for (JFreeChart chart : charts) {
            chart.getXYPlot().getRenderer().setDefaultToolTipGenerator(new StandardXYToolTipGenerator());
        }
        String[] ids = {"chart-histogram", "chart-percentiles", "chart-load", "chart-throughput"};
        for (int i = 0; i < charts.size(); i++) {
            ChartViewer viewer = new ChartViewer(charts.get(i));
            viewer.setId(ids[i]);
            Button png = new Button("PNG");
            png.getStyleClass().add("small");
            JFreeChart chart = charts.get(i);
            png.setOnAction(e -> exportAsking(chart));
            StackPane cell = new StackPane(viewer, png);
            StackPane.setAlignment(png, javafx.geometry.Pos.TOP_RIGHT);
            cells.add(cell);
            add(cell, i % 2, i / 2);
            if (i == 0) {
                viewer.addChartMouseListener(new ChartMouseListenerFX() {
                    @Override
                    public void chartMouseClicked(ChartMouseEventFX event) {
                        if (event.getEntity() instanceof XYItemEntity item) {
                            onBucket.accept(model.bucketRange(item.getItem()));
                        }
                    }

                    @Override
                    public void chartMouseMoved(ChartMouseEventFX event) {
                    }
                });
            }
        }
        arrange(2);
        // Low and wide (a 1024×700 window): one row of four, so each chart keeps a readable height and axes.
        heightProperty().addListener((o, a, b) -> arrange(columnsFor(getWidth(), b.doubleValue())));
        widthProperty().addListener((o, a, b) -> arrange(columnsFor(b.doubleValue(), getHeight())));
    }

    /// Two rows of two when there is height for two readable rows, else one row of four when the width allows.
    static int columnsFor(double width, double height) {
        return height < 2 * MIN_READABLE_HEIGHT && width >= 4 * MIN_READABLE_WIDTH ? 4 : 2;
    }

    private void arrange(int columns) {
        if (columns == arrangedColumns) {
            return;
        }
        arrangedColumns = columns;
        int rows = (cells.size() + columns - 1) / columns;
        getColumnConstraints().clear();
        getRowConstraints().clear();
        for (int i = 0; i < cells.size(); i++) {
            GridPane.setConstraints(cells.get(i), i % columns, i / columns);
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints constraint = new ColumnConstraints();
            constraint.setPercentWidth(100.0 / columns);
            constraint.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(constraint);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints constraint = new RowConstraints();
            constraint.setPercentHeight(100.0 / rows);
            constraint.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(constraint);
        }
    }

    /// Takes in the store's new events; each chart redraws once, not once per series changed.
    private int turn;

    public void refresh(dev.asynclab.app.store.EventStore store) {
        charts.forEach(c -> c.setNotify(false));
        model.refresh(store);
        charts.forEach(c -> c.setNotify(true));
    }

    /// For a live run: new data for all charts, but only the next chart in turn redraws, so no frame pays for
    /// four JFreeChart redraws at once; each chart catches up on its turn.
    public void refreshOneInTurn(dev.asynclab.app.store.EventStore store) {
        charts.forEach(c -> c.setNotify(false));
        model.refresh(store);
        turn = (turn + 1) % charts.size();
        charts.get(turn).setNotify(true);
    }

    /// Called with the `[from, to)` latency range of a clicked histogram bar.
    public void setOnBucket(Consumer<long[]> onBucket) {
        this.onBucket = onBucket;
    }

    /// Colors the charts from the theme's palette.
    public void applyPalette(OutcomePalette palette) {
        charts.forEach(chart -> ChartTheme.apply(chart, palette));
        var load = charts.get(2).getXYPlot().getRenderer();
        load.setSeriesPaint(0, ChartTheme.awt(palette.outcome(Outcome.RUNNING)));
        load.setSeriesPaint(1, ChartTheme.awt(palette.outcome(Outcome.REJECTED)));
        load.setSeriesPaint(2, ChartTheme.awt(palette.text()));
        charts.get(3).getXYPlot().getRenderer().setSeriesPaint(0, ChartTheme.awt(palette.accent()));
    }

    private void exportAsking(JFreeChart chart) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(chart.getTitle().getText().toLowerCase().replace(' ', '-') + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                export(chart, file.toPath());
            } catch (IOException e) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        "Could not write " + file + ": " + e.getMessage()).show();
            }
        }
    }

    /// Writes chart `index` (0 histogram, 1 percentiles, 2 active/queued, 3 throughput) as a PNG.
    public void export(int index, Path file) throws IOException {
        export(charts.get(index), file);
    }

    private static void export(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }

    public ChartsViewModel model() {
        return model;
    }
}
