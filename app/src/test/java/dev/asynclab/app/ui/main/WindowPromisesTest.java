package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// What the README's "The app" promises of the window that no other test holds, at 1024×700 (the smallest screen
/// it names): a replayed log's verification result shows whole, the Tuning window opens and stays in the main
/// window's theme, F1 lists every shortcut.
@ExtendWith(ApplicationExtension.class)
class WindowPromisesTest {

    private MainWindowFixture window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, 1024, 700);
    }

    @AfterEach
    void forget(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.view().tuningWindow().close();
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            Theme.LIGHT.applyToApplication(); // shared by every test's window
        });
        window.forget();
    }

    /// The bug: at 1024×700 the header row cut the verdict on the log to "chain verified: 21…", the number of
    /// events verified lost, as a broken chain's reason would have been.
    @Test
    void aReplayedLogsVerificationShowsWholeInANarrowWindowAndTheHeaderWholeOnHover(FxRobot robot,
            @TempDir Path dir) throws Exception {
        Path log = dir.resolve("storm.jsonl");
        var scenario = record("06-retry-storm.yaml", log);
        robot.interact(() -> window.vm().open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.vm().replay().activeProperty().get()
                && !window.vm().replay().verificationProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.pulses(robot, 3);
        Label verification = FxWait.node(robot, "#replay-verification");
        Label header = FxWait.node(robot, "#replay-header");
        assertThat(verification.getText()).startsWith("chain verified");
        assertThat(header.getWidth() + verification.getWidth()).as("the row is too narrow for both")
                .isLessThan(header.prefWidth(-1) + verification.prefWidth(-1));
        assertThat(verification.getWidth()).as("'%s' whole", verification.getText())
                .isGreaterThanOrEqualTo(verification.prefWidth(-1) - 0.5);
        assertThat(verification.localToScene(verification.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
        assertThat(header.getTooltip()).as("the header whole on hover").isNotNull();
        assertThat(header.getTooltip().getText()).isEqualTo(header.getText()).contains(scenario.name());
    }

    /// Writes the audit log of a built-in scenario's run on the simulated clock to `log`; returns the scenario.
    private static dev.asynclab.lab.scenario.Scenario record(String file, Path log) throws Exception {
        var scenario = ScenarioLoader.load(MainWindowFixture.SCENARIOS.resolve(file));
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("sim-8ebd6f13-6", scenario.name(),
                Instant.EPOCH, "0.1.0-SNAPSHOT", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(writer))
                    .await();
        }
        return scenario;
    }

    /// The bug: after a log was replayed in the main window, a size clicked in the Tuning window's sweep did
    /// nothing (the main window had no scenario to run); and after the sweep opened a scenario of its own (its
    /// Open…), the click ran the main window's scenario at that size instead. A click now runs the sweep's
    /// scenario at that size in the main window, opening it there first, and the sweep stays.
    @ParameterizedTest(name = "the main window showing {0}")
    @ValueSource(strings = {"a replayed log", "another scenario"})
    void aSizeClickedInTheSweepRunsTheSweepsScenarioAtThatSize(String shown, FxRobot robot, @TempDir Path dir)
            throws Exception {
        MainView view = window.view();
        robot.interact(() -> window.loadSimulated("01-timeout.yaml"));
        FxWait.node(robot, "#tune-button");
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        var sweep = view.tuningWindow().tabs().sweep();
        Path saturation = MainWindowFixture.SCENARIOS.resolve("10-pool-saturation.yaml");
        if (shown.equals("a replayed log")) {
            Path log = dir.resolve("timeout.jsonl");
            record("01-timeout.yaml", log);
            robot.interact(() -> window.vm().open(saturation));
            robot.interact(() -> window.vm().open(log));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.vm().replay().activeProperty().get());
            assertThat(window.vm().scenarioProperty().get()).as("nothing to run in the main window").isNull();
        } else {
            robot.interact(() -> assertThat(sweep.load(saturation)).isTrue()); // the sweep's own Open…
        }
        assertThat(sweep.scenarioProperty().get().name()).isEqualTo("Pool saturation and a growing queue");
        robot.interact(() -> {
            sweep.fromSizeProperty().set(5);
            sweep.toSizeProperty().set(6);
        });
        List<?> swept = WaitForAsyncUtils.asyncFx(sweep::run).get().get(60, TimeUnit.SECONDS);
        assertThat(swept).hasSize(2);

        robot.interact(() -> sweep.select(6));
        window.awaitRunEnd();

        var source = window.vm().session().source();
        assertThat(source).isInstanceOf(dev.asynclab.app.ui.session.SessionSource.ScenarioRun.class);
        assertThat(source.title()).isEqualTo("Pool saturation and a growing queue");
        assertThat(window.vm().poolSizeProperty().get()).isEqualTo(6);
        assertThat(window.vm().storeProperty().get().laneCount()).isEqualTo(6);
        assertThat(window.vm().lastSummaryProperty().get().observedCounts().get("submitted")).isEqualTo(200);
        assertThat(sweep.points()).as("the sweep stays").hasSize(2);
        assertThat(view.tuningWindow().stage().getTitle()).isEqualTo("Tuning — Pool saturation and a growing queue");
    }

    /// The bug: while the main window was running, a size clicked in the sweep set the toolbar's pool size and
    /// nothing else. The click asks for that run: it replaces the one going, as opening a file does.
    @Test
    void aSizeClickedInTheSweepDuringARunReplacesThatRun(FxRobot robot) throws Exception {
        MainView view = window.view();
        robot.interact(() -> window.loadSimulated("10-pool-saturation.yaml"));
        FxWait.node(robot, "#tune-button");
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        var sweep = view.tuningWindow().tabs().sweep();
        robot.interact(() -> {
            sweep.fromSizeProperty().set(5);
            sweep.toSizeProperty().set(6);
        });
        assertThat(WaitForAsyncUtils.asyncFx(sweep::run).get().get(60, TimeUnit.SECONDS)).hasSize(2);
        robot.interact(() -> {
            window.vm().pacedProperty().set(true); // seconds of wall time at a tenth of the speed
            window.vm().speedProperty().set(0.1);
            window.vm().run();
            window.vm().pacedProperty().set(false); // for the run the click starts
        });
        var slow = window.vm().session();
        assertThat(window.vm().runningProperty().get()).isTrue();

        robot.interact(() -> sweep.select(6));

        assertThat(window.vm().session()).as("the click's run replaced the one going").isNotSameAs(slow);
        assertThat(slow.isClosed()).isTrue();
        window.awaitRunEndAfter(slow);
        assertThat(window.vm().storeProperty().get().laneCount()).isEqualTo(6);
        assertThat(window.vm().lastSummaryProperty().get().observedCounts().get("submitted")).isEqualTo(200);
    }

    /// The Tuning window opens in the main window's theme and follows it when it changes while it is open.
    @Test
    void theTuningWindowIsInTheMainWindowsTheme(FxRobot robot) throws Exception {
        MainView view = window.view();
        robot.interact(() -> {
            window.loadSimulated("10-pool-saturation.yaml");
            AsyncLabApp.applyTheme(view, Theme.DARK);
        });
        FxWait.node(robot, "#tune-button");
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TuningWindow tuning = view.tuningWindow();
        assertThat(tuning.stage().isShowing()).isTrue();
        assertLooksLikeTheMainWindow(robot, tuning, true);

        robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.LIGHT));
        assertLooksLikeTheMainWindow(robot, tuning, false);
        robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.DARK));
        assertLooksLikeTheMainWindow(robot, tuning, true);

        Window main = stage;
        Paint[] fills = new Paint[2];
        robot.interact(() -> {
            // a label's colour in either window, as the theme's CSS resolves it
            tuning.stage().getScene().getRoot().applyCss();
            view.applyCss();
            fills[0] = tuning.stage().getScene().getRoot().lookupAll(".label").stream()
                    .map(n -> ((Labeled) n).getTextFill()).findFirst().orElseThrow();
            fills[1] = view.status().getTextFill();
        });
        assertThat(fills[0]).as("text colour in the Tuning window, dark").isEqualTo(fills[1]);
        assertThat(main.isShowing()).isTrue();
    }

    /// One session at a time, in the Tuning window too: it kept the first scenario's sweep when another was
    /// opened in the main window, and a size clicked there ran the other scenario at that size.
    @Test
    void anotherScenarioOpenedInTheMainWindowReplacesTheOneInTheTuningWindow(FxRobot robot) throws Exception {
        MainView view = window.view();
        robot.interact(() -> window.loadSimulated("10-pool-saturation.yaml"));
        FxWait.node(robot, "#tune-button");
        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TuningWindow tuning = view.tuningWindow();
        assertThat(tuning.stage().getTitle()).contains("Pool saturation");

        window.runToEnd(robot, "10-pool-saturation.yaml");
        robot.interact(() -> tuning.tabs().whatIf().poolSizeProperty().set(2));
        assertThat(tuning.tabs().whatIf().poolSizeProperty().get()).as("a rerun of the same file keeps the tabs")
                .isEqualTo(2);

        robot.interact(() -> window.vm().open(MainWindowFixture.SCENARIOS.resolve("01-timeout.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
        String name = window.vm().scenarioProperty().get().name();
        assertThat(tuning.stage().getTitle()).isEqualTo("Tuning — " + name);
        assertThat(tuning.tabs().sweep().scenarioProperty().get().name()).isEqualTo(name);
        assertThat(tuning.tabs().whatIf().scenarioProperty().get().name()).isEqualTo(name);
    }

    private void assertLooksLikeTheMainWindow(FxRobot robot, TuningWindow tuning, boolean dark) {
        var mainScene = stage.getScene();
        assertThat(tuning.stage().getScene().getStylesheets()).containsAll(mainScene.getStylesheets())
                .contains(Theme.APP_CSS);
        assertThat(tuning.stage().getScene().getRoot().getStyleClass().contains("dark")).as("dark").isEqualTo(dark);
    }

    /// A file that cannot be opened says why in one line naming it, in the window (not a stack trace on the FX
    /// thread), and leaves nothing of the session before.
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"missing.yaml", "missing.jsonl", "empty.jsonl",
            "empty.yaml", "binary.yaml", "list.yaml", "folder.yaml", "half-line.jsonl"})
    void aFileThatCannotBeOpenedSaysWhyInOneLine(String name, FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name);
        switch (name) {
            case "empty.jsonl", "empty.yaml" -> java.nio.file.Files.writeString(file, "");
            case "binary.yaml" -> java.nio.file.Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, 'x'});
            case "list.yaml" -> java.nio.file.Files.writeString(file, "- a\n- b\n");
            case "folder.yaml" -> java.nio.file.Files.createDirectory(file);
            case "half-line.jsonl" -> java.nio.file.Files.writeString(file, "{\"type\": \"header\", \"v");
            default -> { }
        }
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        var before = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            before[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        });
        try {
            window.runToEnd(robot, "01-timeout.yaml");
            robot.interact(() -> window.vm().open(file));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.vm().errorProperty().get().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            String error = window.vm().errorProperty().get();
            assertThat(error).as("names the file").contains(name).doesNotContain("\n\tat ").doesNotContain("Exception");
            assertThat(FxWait.<Label>node(robot, "#scenario-error").isVisible()).isTrue();
            assertThat(window.vm().storeProperty().get().size()).isZero();
            assertThat(uncaught).as("thrown on the FX thread").isEmpty();
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
        }
    }

    @Test
    void f1ListsEveryShortcutAsTheKeysArePrinted(FxRobot robot) throws Exception {
        FxWait.node(robot, "#run-button");
        robot.interact(() -> window.view().timeline().requestFocus());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing() && w.getScene().getRoot() instanceof DialogPane));
        DialogPane pane = (DialogPane) Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot();
        String text = ((Labeled) pane.getContent()).getText();
        for (Shortcut s : Shortcut.ALL) {
            assertThat(text).as(s.name()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(s.display())
                    + " +" + java.util.regex.Pattern.quote(s.action()) + "$");
        }
        for (String promised : List.of("F5", "Shift+F5", "Ctrl+K", "Ctrl+L", "Ctrl+G", "Ctrl+U", "Ctrl+T", "F1",
                "Ctrl++", "Ctrl+-", "Ctrl+0", "Ctrl+Shift+E", "Ctrl+Page Up", "Ctrl+Page Down")) {
            assertThat(text).as("the README's %s", promised).containsPattern("(?m)^" +
                    java.util.regex.Pattern.quote(promised) + " ");
        }
        assertThat(text).containsPattern("(?m)^\\+ ").containsPattern("(?m)^- ").containsPattern("(?m)^0 ");
        assertThat(text).as("the keys a text field keeps").contains(
                "In a text field Ctrl+← and Ctrl+→ move by word and +, -, 0 are typed;\nevery other shortcut acts "
                        + "wherever the focus is.");
    }
}
