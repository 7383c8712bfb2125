package dev.asynclab.app.ui.theme;

import dev.asynclab.app.ui.timeline.OutcomePalette;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/// Reads the theme's looked-up colors (`-outcome-failed`, `-timeline-text`, ...) into an `OutcomePalette`, once
/// per theme change: JavaFX has no API to resolve a looked-up color, so a hidden probe region per token is styled
/// with it and its resolved background read back.
///
/// The CSS is the only place colours live: a token the theme does not define is an error, not a colour made up
/// here. Without a window (an export, a benchmark, a test), `read(Theme)` styles a detached scene with the
/// theme's own stylesheets and reads that.
///
/// ```java
/// OutcomePalette palette = PaletteReader.read(scene.getRoot());
/// OutcomePalette dark = PaletteReader.read(Theme.DARK);   // on the FX thread
/// ```
public final class PaletteReader {

    private PaletteReader() {
    }

    /// The palette `root` resolves (it must be a `Pane` styled by the theme).
    ///
    /// @throws IllegalStateException when the theme leaves a token unresolved
    public static OutcomePalette read(Parent root) {
        if (!(root instanceof Pane pane)) {
            throw new IllegalArgumentException("palette probes need a Pane root, got " + root);
        }
        return OutcomePalette.of(token -> resolve(pane, token));
    }

    /// The palette of `theme` from its stylesheets alone (AtlantaFX's and `app.css`), in a scene of its own.
    public static OutcomePalette read(Theme theme) {
        StackPane root = new StackPane();
        Scene scene = new Scene(root);
        theme.style(scene);
        return read(root);
    }

    private static Color resolve(Pane pane, String token) {
        Region probe = new Region();
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setStyle("-fx-background-color: " + token + ";");
        pane.getChildren().add(probe);
        try {
            probe.applyCss();
            Background background = probe.getBackground();
            Paint paint = background == null || background.getFills().isEmpty() ? null
                    : background.getFills().getFirst().getFill();
            if (paint instanceof Color c) {
                return c;
            }
            throw new IllegalStateException("the theme defines no colour " + token);
        } finally {
            pane.getChildren().remove(probe);
        }
    }
}
