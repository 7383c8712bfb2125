package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.store.TimeBins;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/// The attempts: a bar per attempt, coloured and shaped by outcome, with the highlighted ones marked. Level of
/// detail: only what overlaps the view is visited (binary searches on each lane), and attempts thinner than
/// `MIN_BAR` pixels are binned into pixel columns by `ColumnBins`, drawn as one image for all lanes.
final class BarLayer implements TimelineLayer {

    static final double MIN_BAR = 2.0;

    private final ColumnBins bins = new ColumnBins();
    private final MarkerSprites sprites;
    /// The binned columns of every lane, one pixel row per lane, drawn stretched to the lane height: one image
    /// per frame instead of a rectangle per column.
    private int[] binPixels = new int[0];
    private WritableImage binImage;
    private final int[] argbByOutcome = new int[Outcome.values().length];

    BarLayer(MarkerSprites sprites) {
        this.sprites = sprites;
    }

    private record LaneStats(int bars, int binned, int highlighted) {
    }

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        int w = (int) Math.ceil(f.layout().plotWidth());
        int lanes = f.store().laneCount();
        prepareBins(w, lanes, f.palette());
        for (int lane = 0; lane < lanes; lane++) {
            LaneStats s = drawLane(f.g(), f.layout(), f.store(), lane, f.view(), f.t0(), f.t1(), f.liveEdge(),
                    f.palette(), f.marks());
            tally.bars += s.bars();
            tally.binned += s.binned();
            tally.highlighted += s.highlighted();
            tally.binnedColumns += bins.writeRow(binPixels, lane * w, argbByOutcome);
        }
        drawBins(f.g(), f.layout(), w, lanes);
    }

    private void prepareBins(int w, int lanes, OutcomePalette palette) {
        if (binPixels.length < w * lanes) {
            binPixels = new int[w * lanes];
        }
        if (lanes > 0 && (binImage == null || binImage.getWidth() != w || binImage.getHeight() != lanes)) {
            binImage = new WritableImage(Math.max(1, w), lanes);
        }
        for (Outcome o : Outcome.values()) {
            Color c = palette.outcome(o);
            argbByOutcome[o.ordinal()] = 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16
                    | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
        }
    }

    private void drawBins(GraphicsContext g, TimelineLayout layout, int w, int lanes) {
        if (lanes == 0 || w <= 0) {
            return;
        }
        binImage.getPixelWriter().setPixels(0, 0, w, lanes, PixelFormat.getIntArgbInstance(), binPixels, 0, w);
        g.setImageSmoothing(false);
        double h = Math.max(2, layout.laneHeight() - 2);
        for (int lane = 0; lane < lanes; lane++) {
            g.drawImage(binImage, 0, lane, w, 1, TimelineLayout.GUTTER, layout.laneTop(lane) + 1, w, h);
        }
    }

    private LaneStats drawLane(GraphicsContext g, TimelineLayout layout, EventStore store, int lane, Viewport view,
                               long t0, long t1, long liveEdge, OutcomePalette palette, TimelineMarks marks) {
        LaneIntervals intervals = store.lane(lane);
        InvocationTable inv = store.invocations();
        double y = layout.laneTop(lane) + 1;
        double h = Math.max(2, layout.laneHeight() - 2);
        double gx = TimelineLayout.GUTTER;
        double width = layout.plotWidth();
        double ns = view.nsPerPixel();
        bins.reset((int) Math.ceil(width));
        int bars = 0;
        int highlighted = 0;
        if (coarse(intervals.outcomeSummary(), ns, marks)) {
            // Level of detail: a pixel spans whole summary bins, so draw the bins, not the attempts, and only the
            // running attempts (not in the summary yet) one by one.
            TimeBins summary = intervals.outcomeSummary();
            for (int c = 0, columns = (int) Math.ceil(width); c < columns; c++) {
                int v = summary.maxOver(view.timeAt(c), view.timeAt(c + 1));
                if (v > 0) {
                    bins.mark(c, Outcome.ofNotability(v));
                }
            }
            for (int k = 0; k < intervals.openCount(); k++) {
                int i = intervals.openInterval(k);
                bins.add((intervals.start(i) - t0) / ns, (liveEdge - t0) / ns, Outcome.RUNNING);
            }
            return new LaneStats(0, bins.added(), 0);
        }
        // An attempt that ended before the view may still reach into it with the ghost of a late finish.
        int from = intervals.firstEndingAtOrAfter(t0 - intervals.longestLateTail());
        int to = intervals.endStartingAtOrBefore(t1);
        for (int i = from; i < to; i++) {
            long start = intervals.start(i);
            long end = intervals.isOpen(i) ? liveEdge : intervals.end(i);
            if (end < t0) {
                continue; // only its late-finish ghost reaches into the view (GhostLayer)
            }
            int slot = intervals.slot(i);
            Outcome outcome = inv.outcome(slot);
            double x0 = (start - t0) / ns;
            double x1 = (end - t0) / ns;
            if (x1 - x0 < MIN_BAR) {
                bins.add(x0, x1, outcome);
                if (marks.highlight().test(inv, slot)) {
                    // A tick under the lane: the bar itself is binned into its pixel column.
                    g.setFill(palette.highlight());
                    g.fillRect(gx + Math.max(0, x0), y + h - 3, 2, 4);
                    highlighted++;
                }
            } else {
                drawBar(g, gx + Math.max(0, x0), y, Math.min(x1, width) - Math.max(0, x0), h, outcome, palette);
                if (marks.highlight().test(inv, slot)) {
                    // A filled band along the bar's foot: the selection is an outline, so the two read apart.
                    highlighted++;
                    g.setFill(palette.highlight());
                    g.fillRect(gx + Math.max(0, x0), y + h - 4, Math.min(x1, width) - Math.max(0, x0), 4);
                }
                bars++;
            }
        }
        return new LaneStats(bars, bins.added(), highlighted);
    }

    /// True when a pixel spans at least one summary bin and nothing asks for attempt-level detail.
    static boolean coarse(TimeBins summary, double nsPerPixel, TimelineMarks marks) {
        return nsPerPixel >= summary.binNanos() && marks.highlight().isNone();
    }

    private void drawBar(GraphicsContext g, double x, double y, double w, double h, Outcome outcome,
                         OutcomePalette palette) {
        if (w <= 0) {
            return;
        }
        Color color = palette.outcome(outcome);
        g.setFill(color);
        // A pixel of gap at the end, so two attempts that touch (two 100 ms timeouts in a row) read as two.
        g.fillRect(x, y, w >= 3 ? w - 1 : w, h);
        if (w < 6) {
            return;
        }
        // Rectangles, not strokes: the software pipeline fills a rectangle several times faster than it strokes
        // a line (CanvasOpCostBenchmarkTest).
        g.setFill(color.darker());
        g.fillRect(x, y, 1, h); // the start
        if (outcome == Outcome.FAILED) {
            // Hatched as well as colored, so a failure reads without telling colors apart.
            sprites.hatch(g, x + 1, y, w - 1, h, palette);
        }
    }
}
