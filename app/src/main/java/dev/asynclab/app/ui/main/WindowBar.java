package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.theme.Icons;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/// The window bar (`WindowBar.fxml`), part of the replay bar: bound to a [LogWindowViewModel] for what it shows,
/// and handing the user's moves to the [ReplayViewModel], which reads the window asked for. Shown only for a log
/// larger than the heap.
public final class WindowBar extends HBox {

    @FXML
    private Button previous;
    @FXML
    private Slider time;
    @FXML
    private Button next;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label text;
    @FXML
    private Button cancel;
    private ReplayViewModel replay;
    /// True while the slider follows the model, so that only the user's moves load a window.
    private boolean following;

    public WindowBar() {
        Fxml.load(this);
        Icons.colorGraphics(this);
        previous.setTooltip(new Tooltip(Shortcut.PREVIOUS_WINDOW.tooltip()));
        next.setTooltip(new Tooltip(Shortcut.NEXT_WINDOW.tooltip()));
        time.setTooltip(new Tooltip("Move the window to this time of the run (read through the log's index)"));
    }

    /// Binds the bar to `model`'s window state and hands moves to `model` (once).
    public void bind(ReplayViewModel model) {
        replay = model;
        LogWindowViewModel w = model.windows();
        visibleProperty().bind(w.indexingProperty().or(w.shownProperty()));
        managedProperty().bind(visibleProperty());
        text.textProperty().bind(w.textProperty());
        progress.visibleProperty().bind(w.indexingProperty().or(w.loadingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.progressProperty().bind(w.progressProperty());
        cancel.visibleProperty().bind(w.indexingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        for (var control : new javafx.scene.Node[] {previous, time, next}) {
            control.visibleProperty().bind(w.shownProperty());
            control.managedProperty().bind(control.visibleProperty());
            control.disableProperty().bind(w.loadingProperty());
        }
        time.maxProperty().bind(w.runSecondsProperty());
        w.startSecondsProperty().addListener((o, was, now) -> follow(now.doubleValue()));
        time.valueProperty().addListener((o, was, now) -> {
            if (!following && !time.isValueChanging()) {
                replay.moveWindowTo(now.doubleValue());
            }
        });
        time.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                replay.moveWindowTo(time.getValue());
            }
        });
    }

    private void follow(double seconds) {
        following = true;
        try {
            time.setValue(seconds);
        } finally {
            following = false;
        }
    }

    @FXML
    void previous() {
        replay.previousWindow();
    }

    @FXML
    void next() {
        replay.nextWindow();
    }

    @FXML
    void cancel() {
        replay.cancelIndexing();
    }
}
