package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;
import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.Map;

/// The colors the timeline, charts and legend draw with, read once from the theme's outcome tokens.
///
/// ```java
/// OutcomePalette p = OutcomePalette.defaults();
/// Color failed = p.outcome(Outcome.FAILED);
/// ```
public record OutcomePalette(Map<Outcome, Color> outcomes, Color background, Color laneStripe, Color text,
                             Color grid, Color accent, Color highlight) {

    public OutcomePalette {
        outcomes = Map.copyOf(outcomes);
    }

    public Color outcome(Outcome o) {
        return outcomes.get(o);
    }

    /// The light theme's values, for drawing without a scene (benchmarks, tests).
    public static OutcomePalette defaults() {
        Map<Outcome, Color> colors = new EnumMap<>(Outcome.class);
        // Okabe–Ito colors: told apart with the common kinds of color blindness.
        colors.put(Outcome.RUNNING, Color.web("#56B4E9"));
        colors.put(Outcome.SUCCEEDED, Color.web("#009E73"));
        colors.put(Outcome.FAILED, Color.web("#D55E00"));
        colors.put(Outcome.TIMED_OUT, Color.web("#E69F00"));
        colors.put(Outcome.CANCELLED, Color.web("#999999"));
        colors.put(Outcome.REJECTED, Color.web("#CC79A7"));
        colors.put(Outcome.LATE, Color.web("#0072B2"));
        return new OutcomePalette(colors, Color.web("#ffffff"), Color.web("#f3f4f6"), Color.web("#1f2328"),
                Color.web("#d0d7de"), Color.web("#0969da"), Color.web("#bf3989"));
    }
}
