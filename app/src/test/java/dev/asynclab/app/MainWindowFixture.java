package dev.asynclab.app;

import dev.asynclab.app.ui.main.MainView;
import dev.asynclab.app.ui.main.MainViewModel;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.welcome.FolderScenarioCatalog;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.lab.scenario.ClockMode;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/// The main window as the TestFX tests show it: a `MainView` on its own `MainViewModel`, with preferences of its
/// own (so no test sees another's recent files), the built-in scenarios on its welcome page, the light theme, at
/// the size the test asks for; and the one way they run a scenario to its end (unpaced, on the simulated clock,
/// until its summary is in). The tests that used to build this, or write that run out, themselves each
/// (`MainViewTest`, `SessionReplacementTest`, `ScreenSizeTest`, `ScreenshotsTest`, `TeachingTest`,
/// `WindowShortcutsTest`, `WindowPromisesTest`) share it.
///
/// ```java
/// @Start
/// void start(Stage stage) {
///     window = MainWindowFixture.show(stage, 1280, 800);
/// }
///
/// @AfterEach
/// void forget() throws Exception {
///     window.forget();
/// }
/// ```
public final class MainWindowFixture {

    /// The project's root (`asynclab.project.root`, set by the build; `..` from `app/` otherwise).
    public static final Path ROOT = Path.of(System.getProperty("asynclab.project.root", ".."));
    /// The built-in scenarios.
    public static final Path SCENARIOS = ROOT.resolve("scenarios");

    private final Preferences prefs = Preferences.userRoot().node("asynclab-test-" + System.nanoTime());
    private final Stage stage;
    private final MainViewModel vm;
    private final MainView view;

    private MainWindowFixture(Stage stage, int width, int height, Function<Preferences, MainViewModel> model,
                              Consumer<MainView> onToggleTheme) {
        this.stage = stage;
        vm = model.apply(prefs);
        view = new MainView(vm, new FolderScenarioCatalog(List.of(SCENARIOS)), onToggleTheme);
        stage.setScene(new Scene(view, width, height));
        // TestFX hands every test the same stage: one a test made smaller (1024×768) must not leave the next small.
        stage.setWidth(width);
        stage.setHeight(height);
        AsyncLabApp.applyTheme(view, Theme.LIGHT);
        stage.show();
    }

    /// Shows a new main window on `stage`, its scene `width`×`height`. On the FX thread (a `@Start` method or
    /// `robot.interact`).
    public static MainWindowFixture show(Stage stage, int width, int height) {
        return show(stage, width, height, prefs -> new MainViewModel(new RecentFiles(prefs)), v -> { });
    }

    /// As [#show(Stage, int, int)], with a view model of the test's making on the window's preferences (a
    /// remembered presenter scale, a replay with room for only a few events) and what Ctrl+T does.
    public static MainWindowFixture show(Stage stage, int width, int height, Function<Preferences, MainViewModel> model,
                                         Consumer<MainView> onToggleTheme) {
        return new MainWindowFixture(stage, width, height, model, onToggleTheme);
    }

    public MainViewModel vm() {
        return vm;
    }

    public MainView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /// The window's own preferences (removed by [#forget()]).
    public Preferences prefs() {
        return prefs;
    }

    /// Loads a built-in scenario for an instant run on the simulated clock; true when it loaded. On the FX thread.
    public boolean loadSimulated(String file) {
        boolean loaded = vm.loadScenario(SCENARIOS.resolve(file));
        vm.clockProperty().set(ClockMode.SIMULATED);
        vm.pacedProperty().set(false);
        return loaded;
    }

    /// Runs a built-in scenario instantly on the simulated clock and waits until its summary is shown and the
    /// window has drawn it (two pulses: laid out, so a click or a key lands where the test expects).
    public void runToEnd(FxRobot robot, String file) throws TimeoutException {
        robot.interact(() -> {
            if (!loadSimulated(file)) {
                throw new IllegalStateException(file + " did not load: " + vm.errorProperty().get());
            }
            vm.run();
        });
        awaitRunEnd();
        FxWait.pulses(robot, 2);
    }

    /// Waits (up to a minute: the machine may be busy) until the current run has ended and its summary is in.
    public void awaitRunEnd() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lastSummaryProperty().get() != null
                && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Waits, as [#awaitRunEnd()], for the run of a session that replaced `before` (something other than the test
    /// started it: Run again, a what-if, a size picked in the sweep).
    public void awaitRunEndAfter(Session before) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session() != before
                && vm.lastSummaryProperty().get() != null && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Removes the preferences (recent files) this window wrote.
    public void forget() throws BackingStoreException {
        prefs.removeNode();
    }
}
