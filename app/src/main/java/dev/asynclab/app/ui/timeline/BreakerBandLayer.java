package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.BreakerBands;
import javafx.scene.canvas.GraphicsContext;

import java.util.List;

/// Draws each circuit breaker's state as a band in the gap between the queue lane and the worker lanes it
/// guards: closed, open and half-open in their theme colours, one thin band per breaker, stacked. A band is a
/// handful of rectangles (one per state change in view), so it costs nothing next to the lanes.
final class BreakerBandLayer implements TimelineLayer {

    /// The height the bands share: the gap above the first worker lane.
    static final double HEIGHT = 4;

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        draw(f.g(), f.layout(), f.store().breakerBands(), f.view(), f.t0(), f.t1(),
                Math.max(f.liveEdge(), f.store().lastTime()), f.palette());
    }

    /// @return how many rectangles were drawn
    static int draw(GraphicsContext g, TimelineLayout layout, BreakerBands bands, Viewport view, long t0, long t1,
                    long end, OutcomePalette palette) {
        if (bands.isEmpty()) {
            return 0;
        }
        List<String> names = bands.names();
        double h = HEIGHT / names.size();
        double top = layout.laneTop(0) - HEIGHT;
        int drawn = 0;
        for (int b = 0; b < names.size(); b++) {
            double y = top + b * h;
            long from = Long.MIN_VALUE;
            BreakerBands.State state = BreakerBands.State.CLOSED;
            for (BreakerBands.Change c : bands.changes(names.get(b))) {
                drawn += segment(g, layout, view, Math.max(from, t0), Math.min(c.time(), t1), y, h, state, palette);
                from = c.time();
                state = c.state();
            }
            drawn += segment(g, layout, view, Math.max(from, t0), Math.min(end, t1), y, h, state, palette);
        }
        return drawn;
    }

    private static int segment(GraphicsContext g, TimelineLayout layout, Viewport view, long from, long to, double y,
                               double h, BreakerBands.State state, OutcomePalette palette) {
        if (to <= from) {
            return 0;
        }
        double x0 = Math.max(0, view.xOf(from));
        double x1 = Math.min(layout.plotWidth(), view.xOf(to));
        if (x1 <= x0) {
            return 0;
        }
        g.setFill(palette.policy(switch (state) {
            case CLOSED -> PolicyMark.CIRCUIT_CLOSED;
            case OPEN -> PolicyMark.CIRCUIT_OPEN;
            case HALF_OPEN -> PolicyMark.CIRCUIT_HALF_OPEN;
        }));
        g.fillRect(layout.gutter() + x0, y, Math.max(1, x1 - x0), h);
        return 1;
    }
}
