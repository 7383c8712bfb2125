package dev.asynclab.app.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/// Help ▸ Shortcuts: every shortcut, as people read the keys, at the window's presenter scale.
final class ShortcutsDialog {

    /// The keys a text field keeps for itself (they move its caret or type), so a user who finds them doing so
    /// there is not surprised: JavaFX's fields on Linux and Windows move by word with Ctrl+← and Ctrl+→.
    static final String TEXT_FIELDS = "In a text field " + Shortcut.STEP_BACK.display() + " and "
            + Shortcut.STEP_NEXT.display() + " move by word and " + Shortcut.ZOOM_IN.display() + ", "
            + Shortcut.ZOOM_OUT.display() + ", " + Shortcut.FIT.display() + " are typed;\nevery other shortcut acts "
            + "wherever the focus is.";

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        StringBuilder text = new StringBuilder();
        for (Shortcut s : Shortcut.ALL) {
            text.append(String.format("%-18s %s%n", s.display(), s.action()));
        }
        text.append(String.format("%n%s%n", TEXT_FIELDS));
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
