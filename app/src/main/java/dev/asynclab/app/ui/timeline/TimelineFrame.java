package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.scene.canvas.GraphicsContext;

/// What every layer draws from in one frame: where, what, which stretch of time (`t0` to `t1`), in which colours,
/// with what emphasised, up to which live edge.
record TimelineFrame(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                     OutcomePalette palette, TimelineMarks marks, long t0, long t1, long liveEdge) {
}
