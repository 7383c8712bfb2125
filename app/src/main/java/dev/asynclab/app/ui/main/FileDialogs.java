package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.timeline.TimelineView;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/// The main window's file dialogs: open, follow, export the timeline as PNG. Each asks, then hands the answer to
/// the view model (or the timeline).
final class FileDialogs {

    private final Node owner;
    private final MainViewModel vm;

    FileDialogs(Node owner, MainViewModel vm) {
        this.owner = owner;
        this.vm = vm;
    }

    void open() {
        FileChooser chooser = chooser("Open a scenario or an audit log");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scenarios and audit logs", "*.yaml", "*.yml", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner.getScene().getWindow());
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    void follow() {
        FileChooser chooser = chooser("Follow an audit log as it grows");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit logs", "*.jsonl"));
        File file = chooser.showOpenDialog(owner.getScene().getWindow());
        if (file != null) {
            vm.follow(file.toPath());
        }
    }

    /// Asks whether to export what the timeline shows or the whole run, then where.
    void exportTimeline(TimelineView timeline) {
        ButtonType visible = new ButtonType("Visible part");
        ButtonType whole = new ButtonType("Whole run");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Export the part of the timeline in view, or the whole"
                + " run at the window's width?", visible, whole, ButtonType.CANCEL);
        ask.initOwner(owner.getScene().getWindow());
        ask.setHeaderText("Export the timeline as PNG");
        var answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == ButtonType.CANCEL) {
            return;
        }
        FileChooser chooser = chooser("Export the timeline as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        chooser.setInitialFileName("timeline.png");
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            writePng(timeline, answer == whole, file.toPath());
        } catch (IOException e) {
            new Alert(Alert.AlertType.ERROR, file + ": cannot write: " + e.getMessage()).show();
        }
    }

    /// Writes the timeline as it is drawn (or, `whole`, fitted to the whole run) into a PNG file.
    static void writePng(TimelineView timeline, boolean whole, Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(timeline.snapshotImage(whole), null), "png", file.toFile());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        vm.lastDirectory().map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }
}
