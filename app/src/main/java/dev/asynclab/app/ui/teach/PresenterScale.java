package dev.asynclab.app.ui.teach;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/// Presenter mode: one scale for the whole window's text, in steps, for a projector. The window applies it as
/// the root's font size, so every control and chart whose text is sized by CSS (in `em`, or inherited) grows with
/// it.
///
/// ```java
/// PresenterScale presenter = PresenterScale.remembered(prefs);   // the scale the user left it at
/// presenter.larger();                                           // 1.0 -> 1.15, saved at once
/// root.setStyle(presenter.rootStyle());                         // "-fx-font-size: 16.10px;"
/// ```
public final class PresenterScale {

    /// The steps, from a little smaller than normal to twice as large.
    static final double[] STEPS = {0.85, 1.0, 1.15, 1.25, 1.5, 1.75, 2.0};
    /// The theme's root font size (AtlantaFX Primer) at scale 1, in pixels.
    static final double BASE_FONT = 14;
    /// The preference that keeps the scale between runs.
    static final String KEY = "presenter.scale";

    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0);

    /// A scale at 1 that nobody remembers (tests, a window without preferences).
    public PresenterScale() {
    }

    /// A scale read from `prefs` and written back to them whenever it changes.
    public static PresenterScale remembered(Preferences prefs) {
        PresenterScale presenter = new PresenterScale();
        presenter.scale.set(clamp(prefs.getDouble(KEY, 1.0)));
        presenter.scale.addListener((o, was, now) -> {
            prefs.putDouble(KEY, now.doubleValue());
            // Written out now, off the FX thread: a window that is killed rather than closed keeps it too.
            Thread.ofVirtual().name("presenter-prefs").start(() -> {
                try {
                    prefs.flush();
                } catch (BackingStoreException e) {
                    // kept in memory; the preferences' own periodic sync tries again
                } catch (IllegalStateException removed) {
                    // the node was removed before this flush ran (a test cleaning up): nothing left to keep
                }
            });
        });
        return presenter;
    }

    /// The steps offered, smallest first (1 is the theme's own size).
    public static List<Double> steps() {
        return Arrays.stream(STEPS).boxed().toList();
    }

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

    /// Back to the theme's own size.
    public void reset() {
        scale.set(1.0);
    }

    /// The scale, 0.85 to 2; settable directly (a preference, the View menu), clamped to the steps' range when
    /// applied.
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /// The root style that applies the scale.
    public String rootStyle() {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", fontSize());
    }

    /// The root font size at this scale, in pixels.
    public double fontSize() {
        return BASE_FONT * clamp(scale.get());
    }

    private static double clamp(double s) {
        return Double.isNaN(s) ? 1.0 : Math.max(STEPS[0], Math.min(STEPS[STEPS.length - 1], s));
    }
}
