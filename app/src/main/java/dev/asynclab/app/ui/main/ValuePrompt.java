package dev.asynclab.app.ui.main;

import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.function.LongConsumer;

/// Run ▸ Seed (Ctrl+E) and Run ▸ Pool size (Ctrl+P) where the toolbar has no room for their fields: at 1024×700
/// they are in its overflow menu, where the focus cannot go, so the shortcut did nothing. A small dialog asks the
/// number instead; text that is not a number in range leaves the value as it was (as the toolbar's fields do).
///
/// ```java
/// ValuePrompt.ask(window, "Seed", "Seed for every random draw", 42, Long.MIN_VALUE, Long.MAX_VALUE, seed::set);
/// ```
final class ValuePrompt {

    private ValuePrompt() {
    }

    /// Shows the dialog over `owner` (not waiting for it) and hands a number in `[min, max]` to `set` on OK.
    static TextInputDialog ask(Window owner, String title, String label, long current, long min, long max,
            LongConsumer set) {
        TextInputDialog dialog = new TextInputDialog(Long.toString(current));
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(label);
        dialog.getDialogPane().setId("value-prompt");
        dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle()); // the presenter's scale
        dialog.setOnHidden(e -> {
            String text = dialog.getResult();
            if (text == null) {
                return;
            }
            try {
                long value = Long.parseLong(text.trim());
                if (value >= min && value <= max) {
                    set.accept(value);
                }
            } catch (NumberFormatException ignored) {
                // not a number: the value stays, as in the toolbar's field
            }
        });
        dialog.show();
        dialog.getEditor().selectAll();
        return dialog;
    }
}
