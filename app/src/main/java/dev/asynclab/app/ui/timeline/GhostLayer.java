package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import dev.asynclab.app.store.Outcome;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/// The ghosts of late finishes: from an attempt's timeout to when its callback really returned, dashed, in the
/// legend's late-finish colour. Only lanes that have a late tail are visited.
final class GhostLayer implements TimelineLayer {

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        EventStore store = f.store();
        InvocationTable inv = store.invocations();
        double ns = f.view().nsPerPixel();
        double width = f.layout().plotWidth();
        double h = Math.max(2, f.layout().laneHeight() - 2);
        for (int lane = 0; lane < store.laneCount(); lane++) {
            LaneIntervals intervals = store.lane(lane);
            if (intervals.longestLateTail() == 0 || BarLayer.coarse(intervals.outcomeSummary(), ns, f.marks())) {
                continue;
            }
            double y = f.layout().laneTop(lane) + 1;
            int to = intervals.endStartingAtOrBefore(f.t1());
            for (int i = intervals.firstEndingAtOrAfter(f.t0() - intervals.longestLateTail()); i < to; i++) {
                if (intervals.isOpen(i)) {
                    continue;
                }
                tally.ghosts += drawGhost(f.g(), inv.lateEndAt(intervals.slot(i)), intervals.end(i), f.t0(), ns, width,
                        f.layout().gutter(), y, h, f.palette());
            }
        }
    }

    /// The dashed ghost of a late finish, from the attempt's end to when the callback really returned; 1 if drawn.
    private static int drawGhost(GraphicsContext g, long late, long end, long t0, double ns, double width,
                                 double gutter, double y, double h, OutcomePalette palette) {
        if (late <= end || late < t0) {
            return 0;
        }
        double x0 = Math.max(0, (end - t0) / ns);
        double w = Math.min((late - t0) / ns, width) - x0;
        if (w <= 0) {
            return 0;
        }
        double x = gutter + x0;
        Color color = palette.outcome(Outcome.LATE);
        g.setFill(color.deriveColor(0, 1, 1, 0.55));
        g.fillRect(x, y + h * 0.25, w, h * 0.5);
        g.setStroke(color);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRect(x, y + h * 0.25, w, h * 0.5);
        g.setLineDashes();
        return 1;
    }
}
