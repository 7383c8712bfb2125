package dev.asynclab.app.ui.main;

import dev.asynclab.app.tuning.TuningTabs;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/// The Tuning window (sweep, compare, what-if) for the scenario loaded in the main window, made on first use.
/// Clicking a pool size in the sweep runs the scenario at that size in the main window's timeline.
final class TuningWindow {

    private final MainViewModel vm;
    private TuningTabs tabs;
    private Stage stage;
    private dev.asynclab.app.ui.timeline.OutcomePalette palette;

    TuningWindow(MainViewModel vm) {
        this.vm = vm;
    }

    void show(Window owner) {
        if (stage == null) {
            tabs = new TuningTabs();
            tabs.sweep().onOpenRunProperty().set(size -> {
                vm.poolSizeProperty().set(size);
                vm.run();
                owner.requestFocus();
            });
            stage = new Stage();
            stage.initOwner(owner);
            stage.setScene(new Scene(tabs.root(), 1100, 760));
            themeLike(owner);
            // added, not set: the main window's own on-hidden handler (saving its size) stays
            owner.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> close());
        }
        var scenario = vm.scenarioProperty().get();
        if (scenario != null) {
            tabs.setScenario(scenario);
            stage.setTitle("Tuning — " + scenario.name());
        } else {
            stage.setTitle("Tuning — open a scenario first");
        }
        themeLike(owner);
        stage.show();
        stage.toFront();
    }

    /// The main window's theme: its stylesheets, its dark or light root class, its outcome palette in the charts.
    private void themeLike(Window owner) {
        stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        var classes = tabs.root().getStyleClass();
        classes.remove("dark");
        if (owner.getScene().getRoot().getStyleClass().contains("dark")) {
            classes.add("dark");
        }
        if (palette != null) {
            dev.asynclab.app.ui.charts.ChartTheme.applyAll(tabs.root(), palette);
        }
    }

    /// The theme changed in the main window.
    void applyPalette(dev.asynclab.app.ui.timeline.OutcomePalette next) {
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
