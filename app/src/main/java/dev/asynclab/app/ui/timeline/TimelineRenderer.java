package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

import java.util.List;

/// Draws an `EventStore` into a canvas as a stack of layers, bottom to top: lanes and axis, the pool's limit,
/// bars (with their labels), ghosts of late finishes, the queue, group brackets, the breaker bands, markers, the
/// selection, the playhead. Each layer is a small class with one job; this one only sets up the frame and adds
/// up what they drew.
///
/// Outcomes differ in shape as well as colour: a failure is hatched, a timeout ends in a triangle, a cancel in a
/// cross, a late finish is a dashed ghost, a retry is a circle and a rejection a diamond.
///
/// ```java
/// DrawStats stats = new TimelineRenderer().draw(canvas.getGraphicsContext2D(), layout, store, viewport,
///         PaletteReader.read(Theme.LIGHT), TimelineMarks.NONE);
/// ```
public final class TimelineRenderer {

    static final double MIN_BAR = BarLayer.MIN_BAR;

    private final MarkerSprites sprites = new MarkerSprites();
    private final MarkerLayer markers = new MarkerLayer(sprites);
    private final PoolLimitLayer poolLimit = new PoolLimitLayer();
    private final List<TimelineLayer> layers = List.of(new LaneLayer(), poolLimit, new BarLayer(sprites),
            new GhostLayer(), new QueueLayer(), new GroupLayer(), new BreakerBandLayer(), markers,
            new SelectionLayer(), new PlayheadLayer());
    private TextMeasure measure;

    /// Draws with text in the layout's font size (the default family).
    public DrawStats draw(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                          OutcomePalette palette, TimelineMarks marks) {
        if (measure == null || measure.font().getSize() != layout.fontSize()) {
            measure = new TextMeasure(Font.font(layout.fontSize()));
        }
        return draw(g, layout, store, view, palette, marks, measure);
    }

    /// Draws with text in `text`'s font.
    DrawStats draw(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                   OutcomePalette palette, TimelineMarks marks, TextMeasure text) {
        long t0 = view.start();
        long t1 = view.end(layout.plotWidth());
        long liveEdge = marks.liveEdge() >= 0 ? marks.liveEdge() : store.lastTime();
        TimelineFrame frame = new TimelineFrame(g, layout, store, view, palette, marks, t0, t1, liveEdge, text);
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
