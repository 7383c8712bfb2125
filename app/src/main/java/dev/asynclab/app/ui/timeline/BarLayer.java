package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.store.TimeBins;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/// The attempts: a bar per attempt, coloured and shaped by outcome, with the highlighted ones marked, and its
/// callback's name and attempt written in it where it is wide and tall enough (`fetch-user #2`, cut with an
/// ellipsis to the bar's width, as Perfetto writes its slices). Level of detail: only what overlaps the view is
/// visited (binary searches on each lane), and attempts thinner than `MIN_BAR` pixels are binned into pixel
/// columns by `ColumnBins`, drawn as one image for all lanes.
final class BarLayer implements TimelineLayer {

    static final double MIN_BAR = 2.0;
    /// Room left of and right of a bar's label (the right also clears a marker at the bar's end).
    static final double LABEL_PAD = 4;

    private final ColumnBins bins = new ColumnBins();
    private final MarkerSprites sprites;
    /// The binned columns of every lane, one pixel row per lane, drawn stretched to the lane height: one image
    /// per frame instead of a rectangle per column.
    private int[] binPixels = new int[0];
    private WritableImage binImage;
    private final int[] argbByOutcome = new int[Outcome.values().length];
    /// The labels of this frame, written after every bar (one font and fill for all of them).
    private final List<BarLabel> labels = new ArrayList<>();

    BarLayer(MarkerSprites sprites) {
        this.sprites = sprites;
    }

    private record LaneStats(int bars, int binned, int highlighted) {
    }

    /// A label to write centred at `x`, `middle`; `patch` (a failure's colour, else null) is laid under it so the
    /// hatching does not run through the letters.
    private record BarLabel(String text, double x, double middle, double width, Color patch) {
    }

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        int w = (int) Math.ceil(f.layout().plotWidth());
        int lanes = f.store().laneCount();
        prepareBins(w, lanes, f.palette());
        labels.clear();
        for (int lane = 0; lane < lanes; lane++) {
            LaneStats s = drawLane(f, lane);
            tally.bars += s.bars();
            tally.binned += s.binned();
            tally.highlighted += s.highlighted();
            tally.binnedColumns += bins.writeRow(binPixels, lane * w, argbByOutcome);
        }
        drawBins(f.g(), f.layout(), w, lanes);
        tally.labels += drawLabels(f);
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
            g.drawImage(binImage, 0, lane, w, 1, layout.gutter(), layout.laneTop(lane) + 1, w, h);
        }
    }

    private LaneStats drawLane(TimelineFrame f, int lane) {
        GraphicsContext g = f.g();
        TimelineLayout layout = f.layout();
        EventStore store = f.store();
        Viewport view = f.view();
        OutcomePalette palette = f.palette();
        TimelineMarks marks = f.marks();
        long t0 = f.t0();
        long liveEdge = f.liveEdge();
        LaneIntervals intervals = store.lane(lane);
        InvocationTable inv = store.invocations();
        double y = layout.laneTop(lane) + 1;
        double h = Math.max(2, layout.laneHeight() - 2);
        double gx = layout.gutter();
        double width = layout.plotWidth();
        double ns = view.nsPerPixel();
        // Text only where a line of it fits the bar's height.
        boolean labelled = h >= f.font().getSize() + 2;
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
        int to = intervals.endStartingAtOrBefore(f.t1());
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
                double left = Math.max(0, x0);
                double shown = Math.min(x1, width) - left;
                drawBar(g, gx + left, y, shown, h, outcome, palette);
                if (marks.highlight().test(inv, slot)) {
                    // A filled band along the bar's foot: the selection is an outline, so the two read apart.
                    highlighted++;
                    g.setFill(palette.highlight());
                    g.fillRect(gx + left, y + h - 4, shown, 4);
                }
                if (labelled) {
                    label(f, slot, outcome, gx + left, shown, y + h / 2);
                }
                bars++;
            }
        }
        return new LaneStats(bars, bins.added(), highlighted);
    }

    /// Queues the label of the bar drawn at `x` (`shown` pixels of it in view), if any of it fits.
    private void label(TimelineFrame f, int slot, Outcome outcome, double x, double shown, double middle) {
        double room = shown - 1 - 2 * LABEL_PAD; // the bar keeps a pixel of gap at its end
        if (room < f.font().getSize()) {
            return; // not even two letters: skip the measuring
        }
        String text = Labels.fitBar(f.store().invocationName(slot), f.store().invocations().attempt(slot), room,
                f.text());
        if (!text.isEmpty()) {
            labels.add(new BarLabel(text, x + (shown - 1) / 2, middle, f.text().of(text),
                    outcome == Outcome.FAILED ? f.palette().outcome(outcome) : null));
        }
    }

    private int drawLabels(TimelineFrame f) {
        if (labels.isEmpty()) {
            return 0;
        }
        GraphicsContext g = f.g();
        double h = f.font().getSize() + 2; // no taller than a labelled bar
        for (BarLabel l : labels) {
            if (l.patch() != null) {
                g.setFill(l.patch());
                g.fillRect(l.x() - l.width() / 2 - 2, l.middle() - h / 2, l.width() + 4, h);
            }
        }
        g.setFill(f.palette().color(TimelineColor.BAR_TEXT));
        g.setFont(f.font());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (BarLabel l : labels) {
            g.fillText(l.text(), l.x(), l.middle());
        }
        int n = labels.size();
        labels.clear();
        return n;
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
