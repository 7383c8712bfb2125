package dev.asynclab.app.ui.main;

import dev.asynclab.app.tuning.TuningTabs;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.nio.file.Path;

/// The Tuning window (`TuningTabs`: sweep, compare, what-if, advice) for the scenario loaded in the main window
/// (another scenario opened there while it is open replaces it here too), made on first use, in the main window's
/// theme and outcome palette. Clicking a pool size in the sweep runs the sweep's scenario at that size in the main
/// window — opening it there first when the main window has since replayed a log or shows another file; the
/// what-if's "run it" runs the what-if there, as a session of its own kind.
final class TuningWindow {

    /// The size the window opens at on a screen that has room for it.
    static final double WIDTH = 1100;
    static final double HEIGHT = 760;

    private final MainViewModel vm;
    private TuningTabs tabs;
    private Stage stage;
    private OutcomePalette palette;

    /// The scenario file the tabs were set up for.
    private Path shownFile;

    TuningWindow(MainViewModel vm) {
        this.vm = vm;
        vm.scenarioFileProperty().addListener((o, was, now) -> follow());
    }

    /// Another scenario opened in the main window while this window exists: the tabs take it (their sweep,
    /// comparison and what-if start again). They kept the first one, and a size clicked in its sweep ran the
    /// scenario now in the main window, not the one the charts were made for. A run, a rerun, a what-if of the
    /// same file, or a log replayed meanwhile, leaves the tabs as they are.
    ///
    /// The sweep's own scenario opened there by a click on one of its sizes (after a log, or one the sweep opened
    /// itself) keeps the sweep: it is what the sweep was made for.
    private void follow() {
        Path file = vm.scenarioFileProperty().get();
        if (stage == null || vm.scenarioProperty().get() == null || file == null || file.equals(shownFile)) {
            return;
        }
        var swept = tabs.sweep().scenarioProperty().get();
        if (swept != null && swept.source().isPresent() && file.toAbsolutePath().normalize()
                .equals(swept.source().get().toAbsolutePath().normalize())) {
            shownFile = file;
            stage.setTitle("Tuning — " + swept.name());
            return;
        }
        showScenario();
    }

    private void showScenario() {
        var scenario = vm.scenarioProperty().get();
        if (scenario != null) {
            shownFile = vm.scenarioFileProperty().get();
            tabs.setScenario(scenario);
            stage.setTitle("Tuning — " + scenario.name());
        } else if (tabs.sweep().scenarioProperty().get() == null) {
            stage.setTitle("Tuning — open a scenario first");
        }
    }

    void show(Window owner) {
        if (stage == null) {
            tabs = new TuningTabs();
            tabs.sweep().onOpenRunProperty().set(size -> {
                var swept = tabs.sweep().scenarioProperty().get();
                if (swept != null) {
                    vm.runAtPoolSize(swept, size);
                } else {
                    vm.runAtPoolSize(size);
                }
                owner.requestFocus();
            });
            tabs.whatIf().onOpenRunProperty().set((changed, changes) -> {
                // the what-if's own file: the main window may show a log by now
                vm.runWhatIf(changed.source().orElse(vm.scenarioFileProperty().get()), changed, changes);
                owner.requestFocus();
            });
            stage = new Stage();
            stage.initOwner(owner);
            Rectangle2D room = screenOf(owner);
            stage.setScene(new Scene(tabs, Math.min(WIDTH, room.getWidth()), Math.min(HEIGHT, room.getHeight())));
            // added, not set: the main window's own on-hidden handler (saving its size) stays
            owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> close());
        }
        showScenario();
        themeLike(owner);
        stage.show();
        stage.toFront();
    }

    /// The visible part of the screen the main window is on (a small laptop's may be smaller than the window's
    /// usual size).
    private static Rectangle2D screenOf(Window owner) {
        var screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.getFirst()).getVisualBounds();
    }

    /// The main window's theme: its stylesheets, its dark or light root class, its outcome palette in the charts.
    private void themeLike(Window owner) {
        stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        var classes = tabs.getStyleClass();
        classes.remove("dark");
        if (owner.getScene().getRoot().getStyleClass().contains("dark")) {
            classes.add("dark");
        }
        if (palette != null) {
            tabs.applyPalette(palette);
        }
    }

    /// The theme changed in the main window.
    void applyPalette(OutcomePalette next) {
        palette = next;
        if (stage != null) {
            themeLike(stage.getOwner());
        }
    }

    TuningTabs tabs() {
        return tabs;
    }

    Stage stage() {
        return stage;
    }

    /// Closes the window and stops the what-if's rerun thread.
    void close() {
        if (stage != null) {
            stage.close();
            tabs.close();
        }
    }
}
