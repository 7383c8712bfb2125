package dev.asynclab.app.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/// Help ▸ Shortcuts: every shortcut, as people read the keys, at the window's presenter scale.
final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        StringBuilder text = new StringBuilder();
        for (Shortcut s : Shortcut.ALL) {
            text.append(String.format("%-18s %s%n", s.display(), s.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        Label body = new Label(text.toString());
        body.getStyleClass().add("monospace");
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        alert.show();
    }
}
