package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.store.StepSeries;
import dev.asynclab.app.store.TimeBins;
import dev.asynclab.engine.event.EventType;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/// Draws an `EventStore` into a canvas: axis, group brackets, the queue lane, a lane per worker with a bar per
/// attempt, ghost bars of late finishes, markers, the selection and its linked attempts.
///
/// Level of detail: only what overlaps the view is visited (binary searches on each lane), and attempts
/// thinner than `MIN_BAR` pixels are binned into pixel columns by `ColumnBins`. Outcomes differ in shape as
/// well as color: a failure is hatched, a timeout ends in a triangle, a cancel in a cross, a late finish is a
/// dashed ghost, a retry is a circle and a rejection a diamond.
///
/// ```java
/// DrawStats stats = new TimelineRenderer().draw(canvas.getGraphicsContext2D(), layout, store, viewport,
///         OutcomePalette.defaults(), TimelineMarks.NONE);
/// ```
public final class TimelineRenderer {

    static final double MIN_BAR = 2.0;
    private static final double MARKER_BUCKET = 6.0;
    private static final Font LABEL = Font.font(11);

    private final ColumnBins bins = new ColumnBins();
    private final MarkerSprites sprites = new MarkerSprites();
    private int[] lastMarkerColumn = new int[0];
    /// The binned columns of every lane, one pixel row per lane, drawn stretched to the lane height: one image
    /// per frame instead of a rectangle per column.
    private int[] binPixels = new int[0];
    private WritableImage binImage;
    private final int[] argbByOutcome = new int[Outcome.values().length];

    public DrawStats draw(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                          OutcomePalette palette, TimelineMarks marks) {
        g.setFill(palette.background());
        g.fillRect(0, 0, layout.width(), layout.height());
        long t0 = view.start();
        long t1 = view.end(layout.plotWidth());
        long liveEdge = marks.liveEdge() >= 0 ? marks.liveEdge() : store.lastTime();
        drawLaneBackgrounds(g, layout, store, palette);
        drawAxis(g, layout, view, palette);
        int bars = 0;
        int binned = 0;
        int columns = 0;
        int highlighted = 0;
        int ghosts = 0;
        int w = (int) Math.ceil(layout.plotWidth());
        int lanes = store.laneCount();
        prepareBins(w, lanes, palette);
        for (int lane = 0; lane < lanes; lane++) {
            LaneStats s = drawLane(g, layout, store, lane, view, t0, t1, liveEdge, palette, marks);
            bars += s.bars;
            binned += s.binned;
            highlighted += s.highlighted;
            ghosts += s.ghosts;
            columns += bins.writeRow(binPixels, lane * w, argbByOutcome);
        }
        drawBins(g, layout, w, lanes);
        drawQueue(g, layout, store.queuedSeries(), store.queueDepthSummary(), view, t0, palette);
        drawGroups(g, layout, store, view, t0, t1, palette);
        int markers = drawMarkers(g, layout, store, view, t0, t1, palette);
        drawSelection(g, layout, store, view, liveEdge, palette, marks.selectedSlot());
        return new DrawStats(bars, binned, columns, markers, highlighted, ghosts);
    }

    private record LaneStats(int bars, int binned, int highlighted, int ghosts) {
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

    private void drawLaneBackgrounds(GraphicsContext g, TimelineLayout layout, EventStore store,
                                     OutcomePalette palette) {
        double h = layout.laneHeight();
        g.setFill(palette.laneStripe());
        g.fillRect(TimelineLayout.GUTTER, layout.queueTop(), layout.plotWidth(), TimelineLayout.QUEUE);
        for (int lane = 1; lane < store.laneCount(); lane += 2) {
            g.fillRect(TimelineLayout.GUTTER, layout.laneTop(lane), layout.plotWidth(), h);
        }
        g.setFill(palette.text());
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("queue", 4, layout.queueTop() + TimelineLayout.QUEUE / 2);
        var names = store.laneNames();
        if (h >= 10) {
            for (int lane = 0; lane < names.size(); lane++) {
                g.fillText(names.get(lane), 4, layout.laneTop(lane) + h / 2, TimelineLayout.GUTTER - 8);
            }
        }
    }

    private void drawAxis(GraphicsContext g, TimelineLayout layout, Viewport view, OutcomePalette palette) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        var ticks = TimeAxis.ticks(view.start(), view.nsPerPixel(), layout.plotWidth(), 90);
        // Grid lines as one-pixel rectangles: the software pipeline fills them far faster than it strokes lines.
        g.setFill(palette.grid());
        for (TimeAxis.Tick tick : ticks) {
            double x = Math.floor(TimelineLayout.GUTTER + tick.x());
            g.fillRect(x, TimelineLayout.AXIS - 5, 1, layout.height() - TimelineLayout.AXIS + 5);
        }
        g.fillRect(0, TimelineLayout.AXIS - 1, layout.width(), 1);
        g.setFill(palette.text());
        for (TimeAxis.Tick tick : ticks) {
            g.fillText(tick.label(), Math.floor(TimelineLayout.GUTTER + tick.x()) + 3.5, TimelineLayout.AXIS / 2);
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
            return new LaneStats(0, bins.added(), 0, 0);
        }
        // An attempt that ended before the view may still reach into it with the ghost of a late finish.
        int from = intervals.firstEndingAtOrAfter(t0 - intervals.longestLateTail());
        int to = intervals.endStartingAtOrBefore(t1);
        int ghosts = 0;
        for (int i = from; i < to; i++) {
            long start = intervals.start(i);
            long end = intervals.isOpen(i) ? liveEdge : intervals.end(i);
            if (end < t0) {
                ghosts += drawGhost(g, inv.lateEndAt(intervals.slot(i)), end, t0, ns, width, y, h, palette);
                continue;
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
            ghosts += drawGhost(g, inv.lateEndAt(slot), end, t0, ns, width, y, h, palette);
        }
        return new LaneStats(bars, bins.added(), highlighted, ghosts);
    }

    /// True when a pixel spans at least one summary bin and nothing asks for attempt-level detail.
    private static boolean coarse(TimeBins summary, double nsPerPixel, TimelineMarks marks) {
        return nsPerPixel >= summary.binNanos() && marks.highlight().isNone();
    }

    private void drawBar(GraphicsContext g, double x, double y, double w, double h, Outcome outcome,
                         OutcomePalette palette) {
        if (w <= 0) {
            return;
        }
        Color color = palette.outcome(outcome);
        g.setFill(color);
        g.fillRect(x, y, w, h);
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

    /// The dashed ghost of a late finish, from the attempt's end to when the callback really returned; 1 if drawn.
    private static int drawGhost(GraphicsContext g, long late, long end, long t0, double ns, double width, double y,
                                 double h, OutcomePalette palette) {
        if (late <= end || late < t0) {
            return 0;
        }
        double x0 = Math.max(0, (end - t0) / ns);
        double w = Math.min((late - t0) / ns, width) - x0;
        if (w <= 0) {
            return 0;
        }
        double x = TimelineLayout.GUTTER + x0;
        Color color = palette.outcome(Outcome.LATE);
        g.setFill(color.deriveColor(0, 1, 1, 0.25));
        g.fillRect(x, y + h * 0.25, w, h * 0.5);
        g.setStroke(color);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRect(x, y + h * 0.25, w, h * 0.5);
        g.setLineDashes();
        return 1;
    }

    private static void drawQueue(GraphicsContext g, TimelineLayout layout, StepSeries queued,
                                  TimeBins depthSummary, Viewport view, long t0, OutcomePalette palette) {
        int n = queued.size();
        if (n == 0) {
            return;
        }
        int max = Math.max(1, depthSummary.maxOver(0, Long.MAX_VALUE));
        double top = layout.queueTop() + 2;
        double h = TimelineLayout.QUEUE - 4;
        double scale = h / max;
        double gx = TimelineLayout.GUTTER;
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
        g.fillText("max " + max, layout.width() - 4, layout.queueTop() + 8);
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

    private static void drawGroups(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view,
                                   long t0, long t1, OutcomePalette palette) {
        var groups = store.groups();
        double y = TimelineLayout.AXIS + 3;
        double gx = TimelineLayout.GUTTER;
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double lastEnd = -1;
        double labelEnd = -1;
        for (int i = 0; i < groups.size(); i++) {
            long end = groups.end(i) < 0 ? store.lastTime() : groups.end(i);
            if (end < t0 || groups.start(i) > t1) {
                continue;
            }
            double x0 = gx + Math.max(0, view.xOf(groups.start(i)));
            double x1 = gx + Math.min(layout.plotWidth(), view.xOf(end));
            if (x1 <= lastEnd) {
                continue; // thinner than a pixel next to the previous bracket: one bracket stands for both
            }
            g.fillRect(x0, y, 1, 6);
            g.fillRect(x0, y, Math.max(1, x1 - x0), 1);
            g.fillRect(x1 - 1, y, 1, 6);
            String name = store.groupName(i);
            if (name != null && x1 - x0 > 40 && x0 > labelEnd) {
                g.fillText(name, x0 + 3, y + 5, x1 - x0 - 6);
                labelEnd = x1;
            }
            lastEnd = x1;
        }
    }

    private int drawMarkers(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view, long t0,
                            long t1, OutcomePalette palette) {
        int lanes = store.laneCount() + 1;
        if (lastMarkerColumn.length < lanes) {
            lastMarkerColumn = new int[lanes];
        }
        java.util.Arrays.fill(lastMarkerColumn, -1);
        InvocationTable inv = store.invocations();
        int drawn = 0;
        double size = Math.min(8, layout.laneHeight() - 2);
        if (view.nsPerPixel() * MARKER_BUCKET >= store.queueMarkerSummary().binNanos()) {
            drawn += drawMarkerSummary(g, store.queueMarkerSummary(), -1, layout, view, 8, palette);
            for (int lane = 0; lane < store.laneCount(); lane++) {
                drawn += drawMarkerSummary(g, store.lane(lane).markerSummary(), lane, layout, view, size, palette);
            }
            return drawn;
        }
        for (int k = store.firstMarkerAtOrAfter(t0); k < store.markerCount(); k++) {
            int e = store.markerEvent(k);
            long t = store.time(e);
            if (t > t1) {
                break;
            }
            int slot = store.invocationSlot(store.id(e));
            int lane = slot < 0 ? -1 : inv.lane(slot);
            EventType type = store.type(e);
            // One marker per lane per marker width: denser than that they would only overprint one another.
            int column = (int) (view.xOf(t) / MARKER_BUCKET);
            if (lastMarkerColumn[lane + 1] == column) {
                continue;
            }
            lastMarkerColumn[lane + 1] = column;
            double x = TimelineLayout.GUTTER + view.xOf(t);
            double y = lane < 0 ? layout.queueTop() + TimelineLayout.QUEUE / 2 : layout.laneTop(lane) + 1;
            sprites.stamp(g, type, x, y, lane < 0 ? 8 : size, palette);
            drawn++;
        }
        return drawn;
    }

    /// One marker per lane per marker width, the most notable kind the summary holds there.
    private int drawMarkerSummary(GraphicsContext g, TimeBins summary, int lane, TimelineLayout layout,
                                         Viewport view, double size, OutcomePalette palette) {
        int drawn = 0;
        double y = lane < 0 ? layout.queueTop() + TimelineLayout.QUEUE / 2 : layout.laneTop(lane) + 1;
        for (double x = 0; x < layout.plotWidth(); x += MARKER_BUCKET) {
            int kind = summary.maxOver(view.timeAt(x), view.timeAt(x + MARKER_BUCKET));
            if (kind > 0) {
                sprites.stamp(g, EventStore.markerType(kind), TimelineLayout.GUTTER + x + MARKER_BUCKET / 2, y, size,
                        palette);
                drawn++;
            }
        }
        return drawn;
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
            double x0 = TimelineLayout.GUTTER + view.xOf(start);
            double x1 = TimelineLayout.GUTTER + Math.max(view.xOf(end), view.xOf(start) + 2);
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
