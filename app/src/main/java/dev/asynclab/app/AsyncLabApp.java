package dev.asynclab.app;

import dev.asynclab.app.ui.main.AfterFirstLayout;
import dev.asynclab.app.ui.main.MainView;
import dev.asynclab.app.ui.main.MainViewModel;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.theme.PaletteReader;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.theme.ThemeChoice;
import dev.asynclab.app.ui.welcome.FolderScenarioCatalog;
import dev.asynclab.app.ui.welcome.PreloadedCatalog;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.app.ui.welcome.ScenarioCatalog;
import dev.asynclab.app.ui.welcome.ScenarioEntry;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/// The JavaFX application: builds the main window, restores its size, theme and presenter text scale from
/// `java.util.prefs`, and saves them (the size when it closes, the others as they change, written out at once:
/// `ThemeChoice`, `PresenterScale`). Its one optional parameter is a file to open (`asynclab FILE`): a scenario is
/// loaded, an audit log replayed.
public final class AsyncLabApp extends Application {

    /// The built-in scenarios as `DesktopWindow` started reading them, before the toolkit; null when the
    /// application was launched some other way. Written before `Application.launch` starts the FX thread, which
    /// orders the write before `start` reads it.
    private static ScenarioCatalog scenariosReadAhead;

    private final Preferences prefs = Preferences.userNodeForPackage(AsyncLabApp.class);
    private ThemeChoice theme;
    private MainViewModel vm;

    @Override
    public void start(Stage stage) {
        StartTrace.mark("toolkit started");
        theme = ThemeChoice.remembered(prefs);
        StartTrace.mark("preferences read");
        // Before the first control exists: a control finding no user-agent stylesheet makes JavaFX load and apply
        // its own (Modena) first, only for the theme to replace it.
        theme.current().applyToApplication();
        StartTrace.mark("theme set");
        vm = new MainViewModel(new RecentFiles(prefs), PresenterScale.remembered(prefs));
        ScenarioCatalog catalog = scenariosReadAhead != null ? scenariosReadAhead
                : new FolderScenarioCatalog(FolderScenarioCatalog.defaultFolders());
        List<ScenarioEntry> scenarios = catalog.scenarios();   // waits for the reading ahead, if not done yet
        StartTrace.mark("scenarios read");
        MainView view = new MainView(vm, () -> scenarios, this::toggleTheme);
        StartTrace.mark("view built");
        Scene scene = new Scene(view, prefs.getDouble("width", 1280), prefs.getDouble("height", 820));
        applyTheme(view, theme.current());
        StartTrace.mark("theme applied");
        stage.setTitle("Async Lab");
        vm.titleProperty().addListener((o, a, b) -> stage.setTitle(b + " — Async Lab"));
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            prefs.putDouble("width", scene.getWidth());
            prefs.putDouble("height", scene.getHeight());
            vm.stop();
        });
        stage.show();
        StartTrace.mark("shown");
        traceFirstPulses(scene);
        setIconsAfterFirstLayout(stage, scene);
        fileToOpen(getParameters().getRaw()).ifPresent(vm::open);
    }

    /// With start-up tracing on, marks the end of the first two layout pulses: the first lays out and styles the
    /// welcome page (its frame follows on the render thread), the second, as a rule, the workspace that joined
    /// behind it.
    private static void traceFirstPulses(Scene scene) {
        if (!StartTrace.on()) {
            return;
        }
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            pulses[0]++;
            StartTrace.mark("layout pulse " + pulses[0]);
            if (pulses[0] == 2) {
                // not from inside the pulse that runs the listeners
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /// Gives the window its icons once the first layout pulse has passed: decoding the six PNGs on the FX thread
    /// before `show()` held the first frame back; a window manager shows the icon (taskbar, Alt-Tab) as soon as it
    /// is set, and nothing in the window depends on it.
    private static void setIconsAfterFirstLayout(Stage stage, Scene scene) {
        AfterFirstLayout.run(scene, () -> {
            if (stage.getIcons().isEmpty()) {
                stage.getIcons().setAll(AppIcon.images());
                StartTrace.mark("icons set");
            }
        });
    }

    /// Starts reading the built-in scenarios and the preferences, each on a daemon thread of its own, to overlap
    /// the toolkit's start; call before `Application.launch`.
    ///
    /// The preferences: `java.util.prefs` reads a node's XML file the first time the node is asked for a value,
    /// with the JDK's XML parser used for the first time in the process, and the first node made sets up the user
    /// root (its folder, lock file and sync timer). On the FX thread that was 20–45 ms of CPU before the theme
    /// (`StartTrace`, "preferences read", with the image's AOT cache; more without), while the toolkit's start,
    /// which this overlaps, waits on GTK and the X server for much of its time. The node is the one `start` uses (the JDK keeps
    /// a node once made), and a node's methods lock it: should the FX thread ask before the reading is done, it
    /// waits for that reading instead of reading the file again.
    static void readAhead() {
        scenariosReadAhead = PreloadedCatalog.start(new FolderScenarioCatalog(FolderScenarioCatalog.defaultFolders()));
        Thread.ofPlatform().daemon().name("preferences-read-ahead")
                .start(() -> {
                    try {
                        Preferences.userNodeForPackage(AsyncLabApp.class).get("theme", null);
                    } catch (RuntimeException | ExceptionInInitializerError unreadable) {
                        // Not this thread's to report: start() asks the same node again and says what went wrong.
                        // The error: when the window cannot open (a DISPLAY no X server answers on) the JVM exits
                        // while this thread may be in the preferences' static set-up, whose shutdown hook is then
                        // refused; uncaught, it printed a stack trace under the one-line message.
                    }
                });
    }

    /// The file named on the command line, if any (`DesktopWindow` passes it as an absolute path).
    static Optional<Path> fileToOpen(List<String> parameters) {
        return parameters.stream().filter(p -> !p.startsWith("--")).findFirst().map(Path::of);
    }

    private void toggleTheme(MainView view) {
        applyTheme(view, theme.toggle());
    }

    /// Applies `theme` to the view's scene and hands the resolved outcome colors to the timeline and charts.
    public static void applyTheme(MainView view, Theme theme) {
        theme.apply(view.getScene());
        view.applyCss();
        StartTrace.mark("view styled");
        view.applyPalette(PaletteReader.read(view));
    }
}
