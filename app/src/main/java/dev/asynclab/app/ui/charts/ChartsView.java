package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.timeline.Highlight;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/// The charts (`ChartsView.fxml`, JFreeChart-FX): latency histogram, p50/p95/p99 over time, active and queued over
/// time, throughput over time, each with a PNG button; above them, whether the latency charts count each attempt
/// or each call end to end. A click on a histogram bar hands on the attempts it stands for. A thin controller:
/// the datasets are `ChartsViewModel`'s; it makes the charts, lays out the cells and sizes their text.
public final class ChartsView extends BorderPane {

    static final double MIN_READABLE_HEIGHT = 200;
    static final double MIN_READABLE_WIDTH = 220;

    @FXML
    private ToggleGroup measureGroup;
    @FXML
    private ToggleButton perAttempt;
    @FXML
    private ToggleButton perCall;
    @FXML
    private GridPane grid;
    @FXML
    private StackPane histogramCell;
    @FXML
    private StackPane percentilesCell;
    @FXML
    private StackPane loadCell;
    @FXML
    private StackPane throughputCell;
    @FXML
    private ChartViewer histogramViewer;
    @FXML
    private ChartViewer percentilesViewer;
    @FXML
    private ChartViewer loadViewer;
    @FXML
    private ChartViewer throughputViewer;

    private final ChartsViewModel model;
    private final JFreeChart histogram;
    private final List<JFreeChart> charts;
    private final TextTitle rejectedMark = new TextTitle();
    private List<StackPane> cells;
    private int arrangedColumns;
    private int turn;
    private Consumer<Highlight> onBucket = highlight -> { };

    /// With a model of its own (FXML makes it so).
    public ChartsView() {
        this(new ChartsViewModel());
    }

    public ChartsView(ChartsViewModel model) {
        ChartText.useCanvasText();
        this.model = model;
        histogram = ChartFactory.createXYBarChart(model.histogramTitleProperty().get(), "latency (ms)", false,
                model.measureProperty().get().counted(), model.histogramData());
        JFreeChart percentiles = ChartFactory.createXYLineChart("Latency p50, p95, p99", "run time (s)",
                "latency (ms)", model.percentileData());
        JFreeChart load = ChartFactory.createXYLineChart("Active, queued, pool size", "run time (s)", "invocations",
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
        // The rejections' count sits in the histogram's corner: in the chart (and its PNG), taking no height.
        histogram.getXYPlot().addAnnotation(new XYTitleAnnotation(0.98, 0.98, rejectedMark,
                RectangleAnchor.TOP_RIGHT));
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        cells = List.of(histogramCell, percentilesCell, loadCell, throughputCell);
        List<ChartViewer> viewers = List.of(histogramViewer, percentilesViewer, loadViewer, throughputViewer);
        for (int i = 0; i < charts.size(); i++) {
            viewers.get(i).setChart(charts.get(i));
            JFreeChart chart = charts.get(i);
            StackPane cell = cells.get(i);
            cell.widthProperty().addListener((o, a, b) -> ChartScale.fit(chart, b.doubleValue(), cell.getHeight()));
            cell.heightProperty().addListener((o, a, b) -> ChartScale.fit(chart, cell.getWidth(), b.doubleValue()));
        }
        histogramViewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item) {
                    onBucket.accept(model.bucketHighlight(item.getItem()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        measureChoice();
        arrange(2);
        // Low and wide (a 1024×700 window): one row of four, so each chart keeps a readable height and axes.
        grid.heightProperty().addListener((o, a, b) -> arrange(columnsFor(grid.getWidth(), b.doubleValue())));
        grid.widthProperty().addListener((o, a, b) -> arrange(columnsFor(b.doubleValue(), grid.getHeight())));
    }

    /// The two toggles choose the measure; the histogram's title, count axis and rejection mark follow it.
    private void measureChoice() {
        perAttempt.setText(LatencyMeasure.ATTEMPTS.choice());
        perAttempt.setUserData(LatencyMeasure.ATTEMPTS);
        perCall.setText(LatencyMeasure.CALLS.choice());
        perCall.setUserData(LatencyMeasure.CALLS);
        measureGroup.selectToggle(model.measureProperty().get() == LatencyMeasure.CALLS ? perCall : perAttempt);
        measureGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                measureGroup.selectToggle(was); // one of the two is always chosen
            } else {
                model.measureProperty().set((LatencyMeasure) now.getUserData());
            }
        });
        model.measureProperty().addListener((o, was, now) -> {
            measureGroup.selectToggle(now == LatencyMeasure.CALLS ? perCall : perAttempt);
            histogram.getXYPlot().getRangeAxis().setLabel(now.counted());
        });
        histogram.setTitle(model.histogramTitleProperty().get());
        model.histogramTitleProperty().addListener((o, was, now) -> {
            histogram.setTitle(now);
            ChartScale.fit(histogram, histogramCell.getWidth(), histogramCell.getHeight());
        });
        rejectedMark.setText(model.rejectedNoteProperty().get());
        model.rejectedNoteProperty().addListener((o, was, now) -> {
            rejectedMark.setText(now);
            // The annotation does not tell the chart it changed; this redraws now, or with the batch it is in.
            histogram.fireChartChanged();
        });
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
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int i = 0; i < cells.size(); i++) {
            GridPane.setConstraints(cells.get(i), i % columns, i / columns);
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints constraint = new ColumnConstraints();
            constraint.setPercentWidth(100.0 / columns);
            constraint.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(constraint);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints constraint = new RowConstraints();
            constraint.setPercentHeight(100.0 / rows);
            constraint.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(constraint);
        }
    }

    /// Takes in the store's new events; each chart redraws once, not once per series changed.
    public void refresh(EventStore store) {
        charts.forEach(c -> c.setNotify(false));
        model.refresh(store);
        charts.forEach(c -> c.setNotify(true));
    }

    /// For a live run: new data for all charts, but only the next chart in turn redraws, so no frame pays for
    /// four JFreeChart redraws at once; each chart catches up on its turn.
    public void refreshOneInTurn(EventStore store) {
        charts.forEach(c -> c.setNotify(false));
        model.refresh(store);
        turn = (turn + 1) % charts.size();
        charts.get(turn).setNotify(true);
    }

    /// For a live run's frames between two redraws: takes in the store's new latencies, redraws nothing.
    public void takeIn(EventStore store) {
        model.takeIn(store);
    }

    /// Called with the attempts a clicked histogram bar stands for.
    public void setOnBucket(Consumer<Highlight> onBucket) {
        this.onBucket = onBucket;
    }

    /// Colors the charts from the theme's palette.
    public void applyPalette(OutcomePalette palette) {
        charts.forEach(chart -> ChartTheme.apply(chart, palette));
        // The histogram's bars count every attempt or call whatever its outcome (succeeded, failed, timed out):
        // a neutral colour, not the success green ChartTheme gives a first series, which made a run where every
        // attempt timed out look like a run of successes.
        histogram.getXYPlot().getRenderer().setSeriesPaint(0, ChartTheme.awt(palette.accent()));
        var load = charts.get(2).getXYPlot().getRenderer();
        load.setSeriesPaint(0, ChartTheme.awt(palette.outcome(Outcome.RUNNING)));
        load.setSeriesPaint(1, ChartTheme.awt(palette.outcome(Outcome.REJECTED)));
        load.setSeriesPaint(2, ChartTheme.awt(palette.text()));
        charts.get(3).getXYPlot().getRenderer().setSeriesPaint(0, ChartTheme.awt(palette.accent()));
        rejectedMark.setPaint(ChartTheme.awt(palette.outcome(Outcome.REJECTED)));
    }

    @FXML
    private void exportHistogram() {
        exportAsking(charts.get(0));
    }

    @FXML
    private void exportPercentiles() {
        exportAsking(charts.get(1));
    }

    @FXML
    private void exportLoad() {
        exportAsking(charts.get(2));
    }

    @FXML
    private void exportThroughput() {
        exportAsking(charts.get(3));
    }

    private void exportAsking(JFreeChart chart) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(chart.getTitle().getText().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                export(chart, file.toPath());
            } catch (IOException e) {
                new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()).show();
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

    /// The four charts: histogram, percentiles, active and queued, throughput.
    public List<JFreeChart> charts() {
        return charts;
    }
}
