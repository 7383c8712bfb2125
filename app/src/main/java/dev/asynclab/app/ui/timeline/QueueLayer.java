package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.store.StepSeries;
import dev.asynclab.app.store.TimeBins;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/// The queue lane: the queue's depth over time, one column per pixel, and its maximum.
final class QueueLayer implements TimelineLayer {

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        f.g().setFont(f.font());
        drawQueue(f.g(), f.layout(), f.store().queuedSeries(), f.store().queueDepthSummary(), f.view(), f.t0(),
                f.palette());
    }

    private static void drawQueue(GraphicsContext g, TimelineLayout layout, StepSeries queued,
                                  TimeBins depthSummary, Viewport view, long t0, OutcomePalette palette) {
        int n = queued.size();
        if (n == 0) {
            return;
        }
        int max = Math.max(1, depthSummary.maxOver(0, Long.MAX_VALUE));
        double top = layout.queueTop() + 2;
        double h = layout.queue() - 4;
        double scale = h / max;
        double gx = layout.gutter();
        int columns = (int) Math.ceil(layout.plotWidth());
        g.setFill(palette.outcome(Outcome.RUNNING).deriveColor(0, 1, 0.8, 0.7));
        // One column at a time with its highest depth, so a million changes cost one rectangle per pixel.
        if (view.nsPerPixel() >= depthSummary.binNanos()) {
            for (int column = 0; column < columns; column++) {
                long a = view.timeAt(column);
                int peak = Math.max(depthSummary.maxOver(a, view.timeAt(column + 1)), queued.valueAt(a));
                if (peak > 0) {
                    g.fillRect(gx + column, top + h - peak * scale, 1, peak * scale);
                }
            }
            drawQueueMax(g, layout, max, palette);
            return;
        }
        int i = firstAtOrAfter(queued, t0);
        int value = queued.valueAt(t0);
        for (int column = 0; column < columns; column++) {
            long columnEnd = view.timeAt(column + 1);
            int peak = value;
            while (i < n && queued.time(i) < columnEnd) {
                value = queued.value(i);
                peak = Math.max(peak, value);
                i++;
            }
            if (peak > 0) {
                g.fillRect(gx + column, top + h - peak * scale, 1, peak * scale);
            }
            if (i >= n && value == 0) {
                break;
            }
        }
        drawQueueMax(g, layout, max, palette);
    }

    private static void drawQueueMax(GraphicsContext g, TimelineLayout layout, int max, OutcomePalette palette) {
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("max " + max, layout.width() - 4, layout.queueTop() + layout.queue() / 4 + 1);
    }

    private static int firstAtOrAfter(StepSeries series, long t) {
        int lo = 0;
        int hi = series.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (series.time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
