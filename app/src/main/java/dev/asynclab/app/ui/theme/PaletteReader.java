package dev.asynclab.app.ui.theme;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.EnumMap;
import java.util.Map;

/// Reads the theme's looked-up colors (`-outcome-failed`, ...) into an `OutcomePalette`, once per theme change:
/// JavaFX has no API to resolve a looked-up color, so a hidden probe region per token is styled with it and its
/// resolved background read back.
///
/// ```java
/// OutcomePalette palette = PaletteReader.read(scene.getRoot());
/// ```
public final class PaletteReader {

    private PaletteReader() {
    }

    public static OutcomePalette read(Parent root) {
        OutcomePalette fallback = OutcomePalette.defaults();
        Map<Outcome, Color> colors = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            colors.put(o, resolve(root, o.token(), fallback.outcome(o)));
        }
        return new OutcomePalette(colors, resolve(root, "-timeline-background", fallback.background()),
                resolve(root, "-timeline-stripe", fallback.laneStripe()),
                resolve(root, "-timeline-text", fallback.text()),
                resolve(root, "-timeline-grid", fallback.grid()),
                resolve(root, "-timeline-accent", fallback.accent()),
                resolve(root, "-timeline-highlight", fallback.highlight()));
    }

    private static Color resolve(Parent root, String token, Color fallback) {
        if (!(root instanceof Pane pane)) {
            return fallback;
        }
        Region probe = new Region();
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setStyle("-fx-background-color: " + token + ";");
        pane.getChildren().add(probe);
        try {
            probe.applyCss();
            Background background = probe.getBackground();
            if (background == null || background.getFills().isEmpty()) {
                return fallback;
            }
            Paint paint = background.getFills().getFirst().getFill();
            return paint instanceof Color c ? c : fallback;
        } finally {
            pane.getChildren().remove(probe);
        }
    }
}
