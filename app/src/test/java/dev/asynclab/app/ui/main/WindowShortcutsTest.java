package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.ui.session.LogWindow;
import dev.asynclab.app.ui.session.StoreHistory;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.LogIndexCache;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.app.ui.timeline.Viewport;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.lab.scenario.ClockMode;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's shortcuts pressed as a user presses them, at 1024×700, with the focus where a user leaves it: on
/// the timeline, in the speed field, in the events table, in the red flags list. Each must do what its menu item
/// does wherever the focus is (`ShortcutTest` checks the keys' text, `StartShortcutsTest` the keys before the menus
/// are built, `TeachingTest` Ctrl+plus/minus/0 and the plain `+`, `-`, `0`, `MainViewTest` F5 after an edit).
@ExtendWith(ApplicationExtension.class)
class WindowShortcutsTest {

    @TempDir
    Path cacheDir;
    @TempDir
    Path dir;
    private MainWindowFixture window;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme[] theme = {Theme.LIGHT};
        // room for 12 events, blocks of 4: a small log opens as a log larger than the heap does, a window at a time
        window = MainWindowFixture.show(stage, 1024, 700, prefs -> new MainViewModel(new RecentFiles(prefs),
                new PresenterScale(), new ReplayViewModel(StoreHistory.APP, () -> 12, new LogIndexCache(cacheDir, 4))),
                v -> {
                    theme[0] = theme[0].other();
                    AsyncLabApp.applyTheme(v, theme[0]);
                });
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void forget(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.stop();
            view.tuningWindow().close();
            closeOtherWindows();
            // the application's user-agent stylesheet is shared by every test's window
            Theme.LIGHT.applyToApplication();
        });
        window.forget();
    }

    private void closeOtherWindows() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w instanceof Stage s) {
                s.close();
            }
        }
    }

    /// The node a user last clicked, given the focus (the events tab or red flags tab brought to the front).
    private Node focusOn(FxRobot robot, String where) throws Exception {
        Node target = switch (where) {
            case "timeline" -> view.timeline();
            case "speed" -> FxWait.node(robot, "#speed-spinner"); // the toolbar's last field in view at 1024
            case "events filter" -> {
                robot.interact(view::showEventsTab);
                yield robot.lookup(".text-field").queryAllAs(javafx.scene.control.TextField.class).stream()
                        .filter(t -> t.getScene() == stage.getScene() && "name contains".equals(t.getPromptText()))
                        .findFirst().orElseThrow();
            }
            case "events" -> {
                robot.interact(view::showEventsTab);
                yield robot.lookup(".table-view").queryAllAs(TableView.class).stream()
                        .filter(t -> t.getScene() == stage.getScene() && t.isVisible()).findFirst().orElseThrow();
            }
            case "red flags" -> {
                robot.interact(() -> ((javafx.scene.control.TabPane) robot.lookup("#red-flags").query().getParent()
                        .getParent()).getTabs().forEach(t -> {
                            if (t.getText().startsWith("Red flags")) {
                                t.getTabPane().getSelectionModel().select(t);
                            }
                        }));
                yield FxWait.node(robot, "#red-flags");
            }
            default -> throw new IllegalArgumentException(where);
        };
        robot.interact(() -> {
            stage.requestFocus();
            target.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).as("the focus on the %s", where).isSameAs(target);
        return target;
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        KeyCode[] reversed = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            reversed[i] = keys[keys.length - 1 - i];
        }
        robot.release(reversed);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<Stage> windowTitled(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && title.equals(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    @ParameterizedTest(name = "focus on the {0}")
    @ValueSource(strings = {"timeline", "speed", "events", "red flags"})
    void everyMenuShortcutActsWhereverTheFocusIs(String where, FxRobot robot) throws Exception {
        window.runToEnd(robot, "12-late-finish.yaml");
        KeyCode ctrl = KeyCode.CONTROL;

        focusOn(robot, where);
        ClockMode clock = vm.clockProperty().get();
        press(robot, ctrl, KeyCode.K);
        assertThat(vm.clockProperty().get()).as("Ctrl+K switches the clock").isNotEqualTo(clock);

        focusOn(robot, where);
        double speed = vm.speedProperty().get();
        press(robot, ctrl, KeyCode.CLOSE_BRACKET);
        assertThat(vm.speedProperty().get()).as("Ctrl+] doubles the speed").isEqualTo(speed * 2);
        press(robot, ctrl, KeyCode.OPEN_BRACKET);
        assertThat(vm.speedProperty().get()).as("Ctrl+[ halves it").isEqualTo(speed);

        focusOn(robot, where);
        robot.interact(() -> view.timeline().fitAll());
        press(robot, ctrl, KeyCode.L);
        assertThat(view.timeline().viewport().mode()).as("Ctrl+L follows the live edge")
                .isEqualTo(Viewport.Mode.FOLLOW);

        focusOn(robot, where);
        String darkBefore = String.valueOf(view.getStyleClass().contains("dark"));
        press(robot, ctrl, KeyCode.T);
        assertThat(String.valueOf(view.getStyleClass().contains("dark"))).as("Ctrl+T switches the theme")
                .isNotEqualTo(darkBefore);
        press(robot, ctrl, KeyCode.T);

        focusOn(robot, where);
        press(robot, ctrl, KeyCode.U);
        assertThat(view.tuningWindow().stage()).as("Ctrl+U opens the Tuning window").isNotNull();
        assertThat(view.tuningWindow().stage().isShowing()).isTrue();
        robot.interact(() -> view.tuningWindow().stage().close());

        focusOn(robot, where);
        press(robot, KeyCode.F1);
        assertThat(windowTitled("Shortcuts")).as("F1 lists the shortcuts").isPresent();
        robot.interact(this::closeOtherWindows);

        // The seed and pool fields are in the toolbar's overflow at 1024×700, where no focus goes: the keys ask.
        focusOn(robot, where);
        press(robot, ctrl, KeyCode.E);
        answer(robot, "Seed", "123");
        assertThat(vm.seedProperty().get()).as("Ctrl+E edits the seed").isEqualTo(123);
        focusOn(robot, where);
        press(robot, ctrl, KeyCode.P);
        answer(robot, "Pool size", "3");
        assertThat(vm.poolSizeProperty().get()).as("Ctrl+P edits the pool size").isEqualTo(3);

        focusOn(robot, where);
        // Ctrl+Shift+E asks visible part or whole run in a dialog of its own (it waits there for an answer)
        robot.press(ctrl, KeyCode.SHIFT, KeyCode.E);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exportQuestion().isPresent());
        robot.release(KeyCode.E, KeyCode.SHIFT, ctrl);
        robot.interact(() -> ((javafx.scene.control.Button) exportQuestion().orElseThrow()
                .lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exportQuestion()).isEmpty();

        if (!where.equals("speed")) {
            // the plain keys, outside text fields (TeachingTest types them on the timeline and in the seed field)
            focusOn(robot, where);
            Viewport viewport = view.timeline().viewport();
            robot.interact(() -> view.timeline().fitAll());
            double fitted = viewport.nsPerPixel();
            robot.type(KeyCode.EQUALS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(viewport.nsPerPixel()).as("+ zooms in").isLessThan(fitted);
            double zoomed = viewport.nsPerPixel();
            robot.type(KeyCode.MINUS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(viewport.nsPerPixel()).as("- zooms out").isGreaterThan(zoomed);
            robot.type(KeyCode.DIGIT0);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(viewport.mode()).as("0 fits").isEqualTo(Viewport.Mode.FIT);
        }

        focusOn(robot, where);
        press(robot, ctrl, KeyCode.H);
        assertThat(vm.showingWelcomeProperty().get()).as("Ctrl+H goes back to the welcome view").isTrue();
    }

    /// The bug: in a text field Ctrl+H was the field's own key (delete the character before the caret, on Linux):
    /// it deleted a character and the window stayed where it was. It now goes back to the welcome view there too,
    /// and leaves the field's text as it was.
    @ParameterizedTest(name = "focus in the {0}")
    @ValueSource(strings = {"speed", "events filter"})
    void ctrlHGoesBackToTheWelcomeViewFromATextFieldAndLeavesItsText(String where, FxRobot robot) throws Exception {
        window.runToEnd(robot, "01-timeout.yaml");
        Node field = focusOn(robot, where);
        javafx.scene.control.TextField text = field instanceof javafx.scene.control.Spinner<?> spinner
                ? spinner.getEditor() : (javafx.scene.control.TextField) field;
        robot.interact(() -> {
            if (where.equals("events filter")) {
                text.setText("slow");
            }
            text.end();
        });
        String before = text.getText();
        assertThat(before).isNotEmpty();
        assertThat(vm.showingWelcomeProperty().get()).isFalse();

        press(robot, KeyCode.CONTROL, KeyCode.H);

        assertThat(vm.showingWelcomeProperty().get()).as("Ctrl+H goes back to the welcome view").isTrue();
        assertThat(text.getText()).as("the field's text").isEqualTo(before);
    }

    /// Types `text` into the value prompt titled `title` and presses Enter.
    private void answer(FxRobot robot, String title, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> windowTitled(title).isPresent());
        robot.interact(() -> {
            var editor = (javafx.scene.control.TextField) windowTitled(title).orElseThrow().getScene()
                    .lookup(".text-field");
            editor.setText(text);
            ((javafx.scene.control.Button) ((DialogPane) windowTitled(title).orElseThrow().getScene().getRoot())
                    .lookupButton(ButtonType.OK)).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowTitled(title)).as("the prompt closed").isEmpty();
    }

    private Optional<DialogPane> exportQuestion() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane d
                        && "Export the timeline as PNG".equals(d.getHeaderText()))
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst();
    }

    /// Ctrl+Page Up / Down move a large log's window (Replay menu). The bottom tabs have them too (the tab before /
    /// after) and took them from a focused table or list there, so the window did not move.
    @ParameterizedTest(name = "focus on the {0}")
    @ValueSource(strings = {"timeline", "speed", "events", "red flags"})
    void ctrlPageUpAndDownMoveALargeLogsWindowWhereverTheFocusIs(String where, FxRobot robot) throws Exception {
        Path log = dir.resolve("large.jsonl");
        var scenario = ScenarioLoader.load(MainWindowFixture.SCENARIOS.resolve("04-retry-fixed-delay.yaml"));
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("test", scenario.name(), Instant.EPOCH,
                "test", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(writer))
                    .await();
        }
        var windows = vm.replay().windows();
        robot.interact(() -> vm.open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> windows.shownProperty().get()
                && !windows.loadingProperty().get() && vm.storeProperty().get().size() > 0);
        LogWindow first = windows.windowProperty().get();
        assertThat(first.fromEvent()).isZero();

        focusOn(robot, where);
        var tabs = (javafx.scene.control.TabPane) robot.lookup(".tab-pane").queryAll().stream()
                .filter(n -> n.getScene() == stage.getScene()).findFirst().orElseThrow();
        int tab = tabs.getSelectionModel().getSelectedIndex();
        press(robot, KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !windows.loadingProperty().get()
                && windows.windowProperty().get().fromEvent() > 0);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("the bottom tabs stay").isEqualTo(tab);

        focusOn(robot, where);
        press(robot, KeyCode.CONTROL, KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !windows.loadingProperty().get()
                && windows.windowProperty().get().fromEvent() == 0);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("the bottom tabs stay").isEqualTo(tab);
    }

    @ParameterizedTest(name = "focus on the {0}")
    @ValueSource(strings = {"timeline", "speed", "events"})
    void f5RunsShiftF5StopsAndCtrlGPlaysTheTour(String where, FxRobot robot) throws Exception {
        window.runToEnd(robot, "10-pool-saturation.yaml");
        robot.interact(() -> {
            vm.pacedProperty().set(true); // slow enough to stop: the run takes seconds at speed 0.1
            vm.speedProperty().set(0.1);
        });
        focusOn(robot, where);
        var before = vm.session();
        press(robot, KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        assertThat(vm.session()).as("F5 runs it again, a new session").isNotSameAs(before);
        press(robot, KeyCode.SHIFT, KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(vm.countsProperty().get().submitted()).as("stopped before its 200 calls").isLessThan(200);

        focusOn(robot, where);
        press(robot, KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.tourProperty().get() != null);
    }
}
