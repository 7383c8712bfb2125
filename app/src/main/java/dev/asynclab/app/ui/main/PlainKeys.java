package dev.asynclab.app.ui.main;

import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Map;

/// The shortcuts that menu accelerators cannot carry: the plain keys (`+`, `-`, `0` for the timeline), which act
/// only when no text field takes the key, and the number pad's `+` and `-` with Ctrl for the presenter's scale.
///
/// ```java
/// PlainKeys.install(root, Map.of(Shortcut.ZOOM_IN, timeline::zoomIn, ...));
/// ```
final class PlainKeys {

    private PlainKeys() {
    }

    /// Handles, on `root`, the typed shortcuts among `actions`' keys and Ctrl with the number pad's + and -
    /// (`TEXT_LARGER`, `TEXT_SMALLER`).
    static void install(Node root, Map<Shortcut, Runnable> actions) {
        // A handler, not a filter: a text field that takes the key consumes its KEY_TYPED before it gets here.
        root.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (e.isConsumed() || e.getTarget() instanceof TextInputControl) {
                return;
            }
            for (var entry : actions.entrySet()) {
                if (entry.getKey().matches(e)) {
                    entry.getValue().run();
                    e.consume();
                    return;
                }
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                return;
            }
            Shortcut s = e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.PLUS ? Shortcut.TEXT_LARGER
                    : e.getCode() == KeyCode.SUBTRACT ? Shortcut.TEXT_SMALLER : null;
            if (s != null && actions.containsKey(s)) {
                actions.get(s).run();
                e.consume();
            }
        });
    }
}
