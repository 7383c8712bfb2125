package dev.asynclab.app.tuning;

import dev.asynclab.app.FxWait;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.PoolSweep;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.SweepTarget;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The Tuning view on a headless screen: a sweep started from its Run button recommends what `asynclab sweep`
/// (PoolSweep) recommends, and a click on a size raises the open-run hook.
class TuningViewFxTest {

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws Exception {
        TuningStage.prepare();
    }

    @Test
    void aSweepRunFromTheViewRecommendsTheSameSizeAsTheCommandLine() throws Exception {
        var model = new TuningViewModel();
        List<Integer> opened = new CopyOnWriteArrayList<>();
        model.onOpenRunProperty().set(opened::add);
        var view = new java.util.concurrent.atomic.AtomicReference<TuningView>();
        FxToolkit.setupSceneRoot(() -> {
            model.load(Scenarios.file(Scenarios.MMC));
            view.set(new TuningView(model));
            // as the Tuning window does: the markers take the theme's colours, and wait for them
            view.get().charts().usePalette(dev.asynclab.app.ui.theme.PaletteReader.read(
                    dev.asynclab.app.ui.theme.Theme.LIGHT));
            return view.get().root();
        });
        FxToolkit.showStage();
        // before the sweep the table says what to do, not JavaFX's "No content in table"
        var table = robot.lookup("#tuning-table").<javafx.scene.control.TableView<?>>query();
        assertThat(((javafx.scene.control.Label) table.getPlaceholder()).getText()).contains("Run sweep");
        robot.interact(() -> {
            robot.lookup("#tuning-p99").queryAs(TextField.class).setText("250ms");
            robot.lookup("#tuning-from").<Spinner<Integer>>query().getValueFactory().setValue(1);
            robot.lookup("#tuning-to").<Spinner<Integer>>query().getValueFactory().setValue(8);
        });

        robot.clickOn("#tuning-run");
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> model.points().size() == 8
                && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        var expected = PoolSweep.run(Scenarios.load(Scenarios.MMC), RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                1, 8, null, (size, summary) -> { }).smallestMeeting(SweepTarget.parse("p99<250ms")).orElseThrow();
        assertThat(robot.lookup("#tuning-recommendation").queryAs(Label.class).getText())
                .isEqualTo("Recommended pool size: " + expected.poolSize());
        assertThat(robot.lookup("#tuning-explanation").queryAs(Label.class).getText()).startsWith("Beyond ");
        assertThat(model.latencyData().getSeries("p99").getItemCount()).isEqualTo(8);
        var markers = view.get().charts().latency().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertThat(markers).singleElement().satisfies(m ->
                assertThat(((org.jfree.chart.plot.ValueMarker) m).getValue()).isEqualTo(expected.poolSize()));

        // the table's rows are made and filled by its layout, at a pulse that may come after the events above
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell").queryAll().size() > 2
                && ((javafx.scene.control.TableRow<?>) robot.lookup(".table-row-cell").nth(2).query()).getItem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".table-row-cell").nth(2).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(3);
        assertThat(model.selectedSizeProperty().get()).isEqualTo(3);

        // a click on the throughput chart's point for pool size 6 opens that run
        ChartViewer viewer = robot.lookup("#tuning-chart-throughput").query();
        XYItemEntity point = itemAt(viewer, 5);
        Bounds area = viewer.getCanvas().localToScreen(new BoundingBox(point.getArea().getBounds2D().getX(),
                point.getArea().getBounds2D().getY(), point.getArea().getBounds2D().getWidth(),
                point.getArea().getBounds2D().getHeight()));
        robot.clickOn(new Point2D(area.getCenterX(), area.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(3, 6);
        assertThat(view.get().charts().latency().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
                .hasSize(2);
    }

    /// The drawn point of item `item` of the chart's first series.
    private static XYItemEntity itemAt(ChartViewer viewer, int item) {
        for (Object e : viewer.getCanvas().getRenderingInfo().getEntityCollection().getEntities()) {
            if (e instanceof XYItemEntity xy && xy.getSeriesIndex() == 0 && xy.getItem() == item) {
                return xy;
            }
        }
        throw new AssertionError("no drawn point for item " + item);
    }

    @Test
    void theTabsShareOneScenario() throws Exception {
        var tabs = new java.util.concurrent.atomic.AtomicReference<TuningTabs>();
        FxToolkit.setupSceneRoot(() -> {
            tabs.set(new TuningTabs());
            return tabs.get().root();
        });
        try {
            robot.interact(() -> assertThat(tabs.get().load(Scenarios.file(Scenarios.MMC))).isTrue());
            assertThat(tabs.get().compare().scenarioProperty().get())
                    .isSameAs(tabs.get().sweep().scenarioProperty().get())
                    .isSameAs(tabs.get().whatIf().scenarioProperty().get());
            FxWait.node(robot, ".tab"); // the tabs' headers are made with the pane's skin, at the next pulse
            assertThat(robot.lookup(".tab").queryAll()).hasSize(4); // Sweep, Compare, What-if; Advice takes a log
        } finally {
            tabs.get().close();
        }
    }
}
