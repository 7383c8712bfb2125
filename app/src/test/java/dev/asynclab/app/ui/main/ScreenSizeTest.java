package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.welcome.FolderScenarioCatalog;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.lab.scenario.ClockMode;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/// Nothing a user needs disappears at any window size: at 1024×700 and at 1920×1080, with a run shown, the
/// toolbar's Run, Stop, Tune, Fit and Live are in the window and not in the overflow menu, the status bar and the
/// legend show their text whole (the status bar abbreviated if need be, never cut with "…"), and every chart
/// keeps a readable size.
@ExtendWith(ApplicationExtension.class)
class ScreenSizeTest {

    private final Preferences prefs = Preferences.userRoot().node("asynclab-size-" + System.nanoTime());
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1920, 1080"})
    void keyControlsStayVisibleAndWhole(int width, int height, FxRobot robot) throws Exception {
        MainViewModel vm = new MainViewModel(new RecentFiles(prefs));
        MainView[] view = new MainView[1];
        robot.interact(() -> {
            view[0] = new MainView(vm, new FolderScenarioCatalog(List.of(MainViewTest.SCENARIOS)), v -> { });
            stage.setScene(new Scene(view[0], width, height));
            AsyncLabApp.applyTheme(view[0], Theme.LIGHT);
            stage.show();
            vm.loadScenario(MainViewTest.SCENARIOS.resolve("10-pool-saturation.yaml"));
            vm.clockProperty().set(ClockMode.SIMULATED);
            vm.pacedProperty().set(false);
            vm.run();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lastSummaryProperty().get() != null
                && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = view[0].getScene();

        for (String id : List.of("#run-button", "#stop-button", "#tune-button", "#fit-button", "#live-button",
                "#open-button")) {
            Node button = robot.lookup(id).query();
            assertShownWhole(button, scene, id);
        }
        Label status = robot.lookup("#status-counts").queryAs(Label.class);
        assertShownWhole(status, scene, "status counts");
        assertNotElided(status);
        assertNotElided(robot.lookup("#run-summary").queryAs(Label.class));
        for (Node n : ((Parent) robot.lookup("#legend").query()).getChildrenUnmodifiable()) {
            assertNotElided((Labeled) n);
            assertShownWhole(n, scene, "legend " + ((Labeled) n).getText());
        }
        for (String chart : List.of("#chart-histogram", "#chart-percentiles", "#chart-load", "#chart-throughput")) {
            Bounds b = robot.lookup(chart).query().getBoundsInLocal();
            assertThat(b.getWidth()).as(chart + " width").isGreaterThanOrEqualTo(200);
            assertThat(b.getHeight()).as(chart + " height").isGreaterThanOrEqualTo(150);
        }
        Node attempts = robot.lookup("#details-attempts").query();
        assertThat(attempts.getBoundsInLocal().getHeight()).as("the details' attempts list").isGreaterThan(40);
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
