package dev.asynclab.app.ui.main;

import javafx.application.Platform;
import javafx.scene.Scene;

/// Work that waits for a window's first frame: the welcome page is shown before the menus, the workspace and the
/// window's icons are made (see `MainView` and `AsyncLabApp`).
public final class AfterFirstLayout {

    private AfterFirstLayout() {
    }

    /// Runs `action` once, on the FX thread's next turn after `scene`'s first layout pulse. Not inside that pulse:
    /// a pulse listener may not remove itself while the pulse walks its listeners. A second pulse before that turn
    /// queues the call again, so `action` must find its work done and do nothing (call it only on the FX thread).
    public static void run(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        });
        scene.addPostLayoutPulseListener(once[0]);
    }
}
