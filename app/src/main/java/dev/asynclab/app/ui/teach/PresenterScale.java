package dev.asynclab.app.ui.teach;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.Locale;

/// Presenter mode: one scale for the whole window's text, in steps, for a projector. The window applies it as
/// the root's font size, so every control sized in `em` grows with it.
///
/// ```java
/// presenter.larger();                       // 1.0 -> 1.25
/// root.setStyle(presenter.rootStyle());     // "-fx-font-size: 16.25px;"
/// ```
public final class PresenterScale {

    /// The steps, from a little smaller than normal to twice as large.
    static final double[] STEPS = {0.85, 1.0, 1.15, 1.25, 1.5, 1.75, 2.0};
    /// The font size of the theme at scale 1, in pixels.
    static final double BASE_FONT = 13;

    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0);

    /// One step larger (no further than the largest).
    public void larger() {
        for (double step : STEPS) {
            if (step > scale.get() + 1e-9) {
                scale.set(step);
                return;
            }
        }
    }

    /// One step smaller (no further than the smallest).
    public void smaller() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < scale.get() - 1e-9) {
                scale.set(STEPS[i]);
                return;
            }
        }
    }

    public void reset() {
        scale.set(1.0);
    }

    /// The scale, 0.85 to 2; settable directly (a preference), clamped to the steps' range.
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /// The root style that applies the scale.
    public String rootStyle() {
        double s = Math.max(STEPS[0], Math.min(STEPS[STEPS.length - 1], scale.get()));
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT * s);
    }
}
