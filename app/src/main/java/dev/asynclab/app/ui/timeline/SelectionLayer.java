package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import javafx.scene.canvas.GraphicsContext;

/// The selection on top of everything: the selected attempt outlined, its other attempts outlined thinner and
/// linked end to start (a highlight is a filled band instead, so the two read apart).
final class SelectionLayer implements TimelineLayer {

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        drawSelection(f.g(), f.layout(), f.store(), f.view(), f.liveEdge(), f.palette(), f.marks().selectedSlot());
    }

    private static void drawSelection(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                                      long liveEdge, OutcomePalette palette, int selected) {
        if (selected < 0 || selected >= store.invocations().size()) {
            return;
        }
        InvocationTable inv = store.invocations();
        double previousX = Double.NaN;
        double previousY = Double.NaN;
        g.setStroke(palette.accent());
        for (int slot : store.attemptsOf(selected)) {
            int lane = inv.lane(slot);
            if (lane < 0) {
                continue;
            }
            long start = inv.startedAt(slot);
            long end = inv.endedAt(slot) < 0 ? liveEdge : inv.endedAt(slot);
            double x0 = layout.gutter() + view.xOf(start);
            double x1 = layout.gutter() + Math.max(view.xOf(end), view.xOf(start) + 2);
            double y = layout.laneTop(lane);
            double h = layout.laneHeight();
            g.setLineWidth(slot == selected ? 3 : 1.5);
            g.setLineDashes();
            g.strokeRect(x0 - 1, y, x1 - x0 + 2, h);
            if (!Double.isNaN(previousX)) {
                // The attempts of one retried call, linked end to start.
                g.setLineWidth(1.5);
                g.setLineDashes(5, 3);
                g.strokeLine(previousX, previousY, x0, y + h / 2);
                g.setLineDashes();
            }
            previousX = x1;
            previousY = y + h / 2;
        }
    }
}
