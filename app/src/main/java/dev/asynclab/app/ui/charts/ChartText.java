package dev.asynclab.app.ui.charts;

import org.jfree.chart.text.TextUtils;

/// How JFreeChart draws text on an FX canvas.
///
/// By default JFreeChart draws rotated text — the label of every vertical axis — through an AWT `TextLayout`,
/// a workaround for a JDK 1.4 bug. On `FXGraphics2D` that turns each glyph into an outline path the FX thread
/// converts and the renderer fills: in a live run it was most of a chart's redraw (a JFR profile of
/// `TimelineBenchmarkTest`). Drawn as a string, the label is one `fillText` under a rotation.
///
/// ```java
/// ChartText.useCanvasText();   // before the first chart draws; idempotent
/// ```
public final class ChartText {

    static {
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartText() {
    }

    /// Loads this class, whose initializer sets JFreeChart's text drawing once for the whole application.
    public static void useCanvasText() {
        // The work is in the static initializer.
    }
}
