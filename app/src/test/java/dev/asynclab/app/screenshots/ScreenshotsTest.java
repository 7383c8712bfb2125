package dev.asynclab.app.screenshots;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.tuning.TuningTabs;
import dev.asynclab.app.ui.main.MainView;
import dev.asynclab.app.ui.main.MainViewModel;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Makes the README's screenshots of the main views into `assets/`, headless (Monocle, software rendering): at
/// 1440×900 (a tour step asking its question among them), the welcome view and a run at 1024×700 and 1920×1080
/// (`*-1024x700.png`, `*-1920x1080.png`), and the tour in presenter mode at 1024×768.
///
/// Run: `./mvnw -B -q -pl app -am test -Pscreenshots -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false`
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final Path SCENARIOS = MainWindowFixture.SCENARIOS;
    private static final Path ASSETS = MainWindowFixture.ROOT.resolve("assets");

    private MainWindowFixture window;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, 1440, 900);
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        window.forget();
    }

    @Test
    void mainViews(FxRobot robot, @TempDir Path dir) throws Exception {
        Files.createDirectories(ASSETS);
        shoot(robot, "welcome");

        run(robot, "06-retry-storm.yaml");
        robot.interact(() -> view.timeline().selectedSlotProperty().set(
                vm.storeProperty().get().lane(0).slot(vm.storeProperty().get().lane(0).size() / 2)));
        shoot(robot, "timeline-light");
        robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.DARK));
        shoot(robot, "timeline-dark");
        robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.LIGHT));

        run(robot, "12-late-finish.yaml");
        robot.interact(() -> view.timeline().zoom(0.25));
        shoot(robot, "late-finish");

        run(robot, "10-pool-saturation.yaml");
        shoot(robot, "pool-saturation-charts");
        robot.interact(() -> bottomTabs().getSelectionModel().select(1));
        shoot(robot, "events-table");

        Path log = dir.resolve("race.jsonl");
        var scenario = ScenarioLoader.load(SCENARIOS.resolve("07-race.yaml"));
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("screenshot", scenario.name(),
                Instant.parse("2026-11-24T12:00:00Z"), "0.1.0", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(writer))
                    .await();
        }
        robot.interact(() -> vm.open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.replay().activeProperty().get());
        robot.interact(() -> vm.replay().seek(vm.replay().lengthProperty().get() * 2 / 3));
        shoot(robot, "replay");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "name: Broken\ncallbacks:\n  - name: fetch\n    count: 3\n    timout: 100ms\n");
        robot.interact(() -> vm.open(broken));
        shoot(robot, "scenario-error");

        // The same window on a small laptop screen (or a projector) and on a large one.
        for (int[] size : new int[][] {{1024, 700}, {1920, 1080}}) {
            String suffix = "-" + size[0] + "x" + size[1];
            resize(robot, size[0], size[1]);
            robot.interact(vm::showWelcome);
            shoot(robot, "welcome" + suffix);
            run(robot, "06-retry-storm.yaml");
            robot.interact(() -> {
                view.timeline().selectedSlotProperty().set(
                        vm.storeProperty().get().lane(0).slot(vm.storeProperty().get().lane(0).size() / 2));
                bottomTabs().getSelectionModel().select(0); // the charts, whose size is what varies most
            });
            shoot(robot, "timeline" + suffix);
            robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.DARK));
            shoot(robot, "timeline-dark" + suffix);
            robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.LIGHT));
        }

        // The Tuning window at 1024×700: a sweep, and a comparison of two different scenarios.
        robot.clickOn("#tune-button");
        Stage tuningStage = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Tuning"))
                .findFirst().orElseThrow();
        TuningTabs tabs = (TuningTabs) tuningStage.getScene().getRoot();
        robot.interact(() -> {
            tuningStage.setWidth(1024);
            tuningStage.setHeight(700);
            tabs.sweep().fromSizeProperty().set(1);
            tabs.sweep().toSizeProperty().set(12);
            tabs.sweep().p99BoundProperty().set("1s");
            tabs.sweep().run();
        });
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> tabs.sweep().points().size() == 12
                && !tabs.sweep().runningProperty().get());
        shoot(robot, tuningStage, "tuning-sweep-1024x700");
        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            tabs.compare().load(tabs.compare().left(), SCENARIOS.resolve("10-pool-saturation.yaml"));
            tabs.compare().load(tabs.compare().right(), SCENARIOS.resolve("06-retry-storm.yaml"));
        });
        WaitForAsyncUtils.asyncFx(() -> tabs.compare().compare()).get().get(2, TimeUnit.MINUTES);
        shoot(robot, tuningStage, "tuning-compare-1024x700");
        robot.interact(tuningStage::close);
    }

    private TabPane bottomTabs() {
        return (TabPane) view.events().getParent().getParent();
    }

    @Test
    void tourStepWithItsQuestion(FxRobot robot) throws Exception {
        Files.createDirectories(ASSETS);
        robot.interact(() -> {
            assertThat(vm.loadScenario(SCENARIOS.resolve("06-retry-storm.yaml"))).isTrue();
            vm.tour();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.tourProperty().get() != null);
        robot.interact(() -> vm.tourProperty().get().next());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.replay().playingProperty().get()
                && !vm.tourProperty().get().questionProperty().get().isEmpty()
                && vm.session().selectedSlotProperty().get() >= 0);
        shoot(robot, "tour-question");

        // On a projector: 1024×768, the text two steps larger.
        resize(robot, 1024, 768);
        robot.interact(() -> {
            vm.presenter().larger();
            vm.presenter().larger();
        });
        shoot(robot, "tour-presenter-1024x768");
        robot.interact(() -> vm.presenter().reset());
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getScene().getWidth()).isEqualTo(width);
    }

    private void run(FxRobot robot, String file) throws Exception {
        window.runToEnd(robot, file);
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        shoot(robot, stage, name);
    }

    private void shoot(FxRobot robot, Stage of, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(300); // a few pulses, so virtualized tables have rebuilt their cells
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> {
            view.timeline().redraw();
            return of.getScene().snapshot(null);
        }).get();
        Path file = ASSETS.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(file).isNotEmptyFile();
    }
}
