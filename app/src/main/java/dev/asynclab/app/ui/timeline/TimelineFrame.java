package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

/// What every layer draws from in one frame: where, what, which stretch of time (`t0` to `t1`), in which colours
/// and font (with its measure, to fit labels), with what emphasised, up to which live edge.
record TimelineFrame(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                     OutcomePalette palette, TimelineMarks marks, long t0, long t1, long liveEdge,
                     TextMeasure text) {

    Font font() {
        return text.font();
    }

    /// The font of small print (the "×3" beside merged markers).
    Font smallFont() {
        return Font.font(font().getFamily(), font().getSize() * 0.82);
    }
}
