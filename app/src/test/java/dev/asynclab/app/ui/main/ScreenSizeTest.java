package dev.asynclab.app.ui.main;

import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.tuning.TuningTabs;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Nothing a user needs disappears at any window size: at 1024×700 and at 1920×1080, with a run shown, the
/// toolbar's Run, Stop, Tune, Fit and Live are in the window and not in the overflow menu, the status bar and the
/// legend show their text whole (the status bar abbreviated if need be, never cut with "…"), every chart keeps
/// a readable size, a title on one line and room for its axes; and the Tuning window, at the same size, shows
/// each tab's main action and its table's figures whole.
@ExtendWith(ApplicationExtension.class)
class ScreenSizeTest {

    private Stage stage;
    private MainWindowFixture window;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void forget(FxRobot robot) throws Exception {
        if (window != null) {
            robot.interact(() -> window.view().tuningWindow().close());
            window.forget();
        }
    }

    private void showRun(FxRobot robot, int width, int height) throws Exception {
        robot.interact(() -> window = MainWindowFixture.show(stage, width, height));
        window.runToEnd(robot, "10-pool-saturation.yaml");
        settle(robot);
    }

    /// A few pulses: charts redraw and table columns widen in the pulse after a layout. Counted, not slept: a
    /// fixed sleep held fewer pulses on a loaded machine.
    private static void settle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.pulses(robot, 3);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1920, 1080"})
    void keyControlsStayVisibleAndWhole(int width, int height, FxRobot robot) throws Exception {
        showRun(robot, width, height);
        Scene scene = window.view().getScene();

        for (String id : List.of("#run-button", "#stop-button", "#tune-button", "#fit-button", "#live-button",
                "#open-button")) {
            Node button = FxWait.node(robot, id);
            assertShownWhole(button, scene, id);
        }
        Label status = robot.lookup("#status-counts").queryAs(Label.class);
        assertShownWhole(status, scene, "status counts");
        assertNotElided(status);
        assertNotElided(robot.lookup("#run-summary").queryAs(Label.class));
        for (Node n : ((Parent) FxWait.node(robot, "#legend")).getChildrenUnmodifiable()) {
            assertNotElided((Labeled) n);
            assertShownWhole(n, scene, "legend " + ((Labeled) n).getText());
        }
        for (String id : List.of("#latency-per-attempt", "#latency-per-call")) {
            Labeled choice = FxWait.node(robot, id);
            assertShownWhole(choice, scene, id);
            assertNotElided(choice);
        }
        for (String chart : List.of("#chart-histogram", "#chart-percentiles", "#chart-load", "#chart-throughput")) {
            ChartViewer viewer = FxWait.node(robot, chart);
            Bounds b = viewer.getBoundsInLocal();
            assertThat(b.getWidth()).as(chart + " width").isGreaterThanOrEqualTo(200);
            assertThat(b.getHeight()).as(chart + " height").isGreaterThanOrEqualTo(150);
            assertReadable(robot, viewer, chart);
        }
        Node attempts = FxWait.node(robot, "#details-attempts");
        assertThat(attempts.getBoundsInLocal().getHeight()).as("the details' attempts list").isGreaterThan(40);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1920, 1080"})
    void theTuningWindowShowsEachTabsActionAndWholeFigures(int width, int height, FxRobot robot) throws Exception {
        showRun(robot, width, height);
        robot.interact(() -> {
            window.view().tune();
            TuningWindow tuning = window.view().tuningWindow();
            tuning.stage().setWidth(width);
            tuning.stage().setHeight(height);
            tuning.tabs().sweep().fromSizeProperty().set(1);
            tuning.tabs().sweep().toSizeProperty().set(6);
            tuning.tabs().sweep().run();
        });
        TuningTabs tabs = window.view().tuningWindow().tabs();
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> tabs.sweep().points().size() == 6
                && !tabs.sweep().runningProperty().get());
        settle(robot);
        Scene scene = tabs.getScene();

        Map<String, String> actions = Map.of("Sweep", "#tuning-run", "Compare", "#compare-run",
                "What-if", "#whatif-open-run", "Advice", "#advice-run");
        for (Tab tab : tabs.getTabs()) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            settle(robot);
            Node action = robot.from(tabs).lookup(actions.get(tab.getText())).query();
            assertShownWhole(action, scene, tab.getText() + "'s " + actions.get(tab.getText()));
            assertNotElided((Labeled) action);
            for (Node node : tab.getContent().lookupAll("*")) {
                if (node instanceof ChartViewer viewer && viewer.isVisible()) {
                    assertReadable(robot, viewer, tab.getText() + " " + viewer.getId());
                }
            }
        }

        robot.interact(() -> tabs.getSelectionModel().select(0));
        settle(robot);
        List<TableCell<?, ?>> cells = robot.from(robot.lookup("#tuning-table").<Node>query()).lookup(".table-cell")
                .queryAll().stream().<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && !c.getText().isEmpty() && c.getTableRow() != null
                        && c.getTableRow().isVisible()).toList();
        assertThat(cells).as("the sweep's table shows its rows").hasSizeGreaterThanOrEqualTo(6 * 6);
        for (Node header : robot.from(robot.lookup("#tuning-table").<Node>query()).lookup(".column-header .label")
                .queryAll()) {
            Labeled label = (Labeled) header;
            Text shown = (Text) label.lookup(".text");
            if (shown != null) {
                assertThat(shown.getText()).as("a column header shows whole").isEqualTo(label.getText());
            }
        }
        for (TableCell<?, ?> cell : cells) {
            Text shown = (Text) cell.lookup(".text");
            assertThat(shown.getText()).as("a table cell shows its figure whole").isEqualTo(cell.getText());
        }
    }

    /// The chart has drawn, its title fits its width on one line, and its plot keeps room for its axes.
    private static void assertReadable(FxRobot robot, ChartViewer viewer, String what) {
        JFreeChart chart = viewer.getChart();
        TextTitle title = chart.getTitle();
        double[] titleWidth = new double[1];
        robot.interact(() -> {
            Graphics2D g2 = new FXGraphics2D(new Canvas(1, 1).getGraphicsContext2D());
            TextTitle probe = new TextTitle(title.getText(), title.getFont());
            probe.setPadding(title.getPadding());
            titleWidth[0] = probe.arrange(g2, RectangleConstraint.NONE).getWidth();
        });
        assertThat(titleWidth[0]).as(what + ": its title '" + title.getText() + "' fits on one line")
                .isLessThanOrEqualTo(viewer.getWidth());
        var info = viewer.getRenderingInfo();
        assertThat(info).as(what + " has drawn").isNotNull();
        Rectangle2D plot = info.getPlotInfo().getDataArea();
        assertThat(plot.getHeight()).as(what + ": the plot's height").isGreaterThanOrEqualTo(50);
        assertThat(plot.getWidth()).as(what + ": the plot's width").isGreaterThanOrEqualTo(100);
        if (chart.getPlot() instanceof XYPlot xy && xy.getRangeAxis().getLabel() != null) {
            Text label = new Text(xy.getRangeAxis().getLabel());
            label.setFont(javafx.scene.text.Font.font(xy.getRangeAxis().getLabelFont().getSize()));
            assertThat(label.getLayoutBounds().getWidth()).as(what + ": the vertical axis' label fits along it")
                    .isLessThanOrEqualTo(plot.getHeight() + 20);
        }
    }

    /// In the scene (not hidden in an overflow menu, not off the edge) and visible all the way up.
    private static void assertShownWhole(Node node, Scene scene, String what) {
        assertThat(node.getScene()).as(what + " in the scene").isSameAs(scene);
        for (Node n = node; n != null; n = n.getParent()) {
            assertThat(n.isVisible()).as(what + " visible (" + n + ")").isTrue();
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        assertThat(b.getWidth()).as(what + " has a width").isPositive();
        assertThat(b.getMinX()).as(what + " left edge").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMaxX()).as(what + " right edge").isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(what + " bottom edge").isLessThanOrEqualTo(scene.getHeight() + 0.5);
    }

    /// Its text shows whole: the label is at least as wide as its text wants.
    private static void assertNotElided(Labeled label) {
        assertThat(label.getWidth()).as("'" + label.getText() + "' shown whole")
                .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
    }
}
