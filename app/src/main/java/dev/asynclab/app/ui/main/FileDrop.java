package dev.asynclab.app.ui.main;

import javafx.scene.Node;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/// Drag and drop of a scenario (`.yaml`, `.yml`) or an audit log (`.jsonl`) onto the window: the first such file
/// dropped is opened.
final class FileDrop {

    private FileDrop() {
    }

    static void accept(Node target, Consumer<Path> open) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(FileDrop::openable)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            var file = e.getDragboard().getFiles().stream().filter(FileDrop::openable).findFirst();
            file.ifPresent(f -> open.accept(f.toPath()));
            e.setDropCompleted(file.isPresent());
            e.consume();
        });
    }

    static boolean openable(File f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".jsonl");
    }
}
