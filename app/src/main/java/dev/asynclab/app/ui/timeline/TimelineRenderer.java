package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.scene.canvas.GraphicsContext;

import java.util.List;

/// Draws an `EventStore` into a canvas as a stack of layers, bottom to top: lanes and axis, bars, ghosts of late
/// finishes, the queue, group brackets, markers, the selection. Each layer is a small class with one job; this
/// one only sets up the frame and adds up what they drew.
///
/// Outcomes differ in shape as well as colour: a failure is hatched, a timeout ends in a triangle, a cancel in a
/// cross, a late finish is a dashed ghost, a retry is a circle and a rejection a diamond.
///
/// ```java
/// DrawStats stats = new TimelineRenderer().draw(canvas.getGraphicsContext2D(), layout, store, viewport,
///         OutcomePalette.defaults(), TimelineMarks.NONE);
/// ```
public final class TimelineRenderer {

    static final double MIN_BAR = BarLayer.MIN_BAR;

    private final MarkerSprites sprites = new MarkerSprites();
    private final MarkerLayer markers = new MarkerLayer(sprites);
    private final List<TimelineLayer> layers = List.of(new LaneLayer(), new BarLayer(sprites), new GhostLayer(),
            new QueueLayer(), new GroupLayer(), markers, new SelectionLayer());

    public DrawStats draw(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                          OutcomePalette palette, TimelineMarks marks) {
        long t0 = view.start();
        long t1 = view.end(layout.plotWidth());
        long liveEdge = marks.liveEdge() >= 0 ? marks.liveEdge() : store.lastTime();
        TimelineFrame frame = new TimelineFrame(g, layout, store, view, palette, marks, t0, t1, liveEdge);
        DrawTally tally = new DrawTally();
        for (TimelineLayer layer : layers) {
            layer.draw(frame, tally);
        }
        return tally.stats();
    }

    /// How many "×n" counts the marker layer has written (tests).
    int mergedLabels() {
        return markers.mergedLabels();
    }
}
