package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.store.StepSeries;
import dev.asynclab.engine.event.EventType;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
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
    private static final Font LABEL = Font.font(11);

    private final ColumnBins bins = new ColumnBins();
    private int[] lastMarkerColumn = new int[0];

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
        int runs = 0;
        for (int lane = 0; lane < store.laneCount(); lane++) {
            LaneStats s = drawLane(g, layout, store, lane, view, t0, t1, liveEdge, palette, marks);
            bars += s.bars;
            binned += s.binned;
            runs += s.runs;
        }
        drawQueue(g, layout, store.queuedSeries(), view, t0, palette);
        drawGroups(g, layout, store, view, t0, t1, palette);
        int markers = drawMarkers(g, layout, store, view, t0, t1, palette);
        drawSelection(g, layout, store, view, liveEdge, palette, marks.selectedSlot());
        return new DrawStats(bars, binned, runs, markers);
    }

    private record LaneStats(int bars, int binned, int runs) {
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
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (TimeAxis.Tick tick : TimeAxis.ticks(view.start(), view.nsPerPixel(), layout.plotWidth(), 90)) {
            double x = Math.floor(TimelineLayout.GUTTER + tick.x()) + 0.5;
            g.strokeLine(x, TimelineLayout.AXIS - 5, x, layout.height());
            g.fillText(tick.label(), x + 3, TimelineLayout.AXIS / 2);
        }
        g.strokeLine(0, TimelineLayout.AXIS - 0.5, layout.width(), TimelineLayout.AXIS - 0.5);
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
        int from = intervals.firstEndingAtOrAfter(t0);
        int to = intervals.endStartingAtOrBefore(t1);
        for (int i = from; i < to; i++) {
            long start = intervals.start(i);
            long end = intervals.isOpen(i) ? liveEdge : intervals.end(i);
            if (end < t0) {
                continue;
            }
            int slot = intervals.slot(i);
            Outcome outcome = inv.outcome(slot);
            double x0 = (start - t0) / ns;
            double x1 = (end - t0) / ns;
            if (x1 - x0 < MIN_BAR) {
                bins.add(x0, x1, outcome);
                if (marks.highlights(inv.latency(slot))) {
                    g.setFill(palette.accent());
                    g.fillRect(gx + Math.max(0, x0), y - 1, 2, 3);
                }
            } else {
                drawBar(g, gx + Math.max(0, x0), y, Math.min(x1, width) - Math.max(0, x0), h, outcome, palette);
                if (marks.highlights(inv.latency(slot))) {
                    g.setStroke(palette.accent());
                    g.setLineWidth(2);
                    g.strokeRect(gx + Math.max(0, x0), y, Math.min(x1, width) - Math.max(0, x0), h);
                }
                bars++;
            }
            long late = inv.lateEndAt(slot);
            if (late > end) {
                drawGhost(g, gx + Math.max(0, x1), y, Math.min((late - t0) / ns, width) - Math.max(0, x1), h,
                        palette);
            }
        }
        int binned = bins.added();
        int runs = bins.forEachRun((c0, c1, outcome) -> {
            g.setFill(palette.outcome(outcome));
            g.fillRect(gx + c0, y, c1 - c0, h);
        });
        return new LaneStats(bars, binned, runs);
    }

    private static void drawBar(GraphicsContext g, double x, double y, double w, double h, Outcome outcome,
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
        g.setStroke(color.darker());
        g.setLineWidth(1);
        g.strokeLine(x + 0.5, y, x + 0.5, y + h); // the start
        if (outcome == Outcome.FAILED) {
            // Hatched as well as colored, so a failure reads without telling colors apart.
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            g.setStroke(palette.background());
            for (double hx = x + 4; hx < x + w + h; hx += 6) {
                g.strokeLine(hx, y, hx - h, y + h);
            }
            g.restore();
        }
    }

    private static void drawGhost(GraphicsContext g, double x, double y, double w, double h, OutcomePalette palette) {
        if (w <= 0) {
            return;
        }
        Color late = palette.outcome(Outcome.LATE);
        g.setFill(late.deriveColor(0, 1, 1, 0.25));
        g.fillRect(x, y + h * 0.25, w, h * 0.5);
        g.setStroke(late);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRect(x, y + h * 0.25, w, h * 0.5);
        g.setLineDashes();
    }

    private static void drawQueue(GraphicsContext g, TimelineLayout layout, StepSeries queued, Viewport view,
                                  long t0, OutcomePalette palette) {
        int n = queued.size();
        if (n == 0) {
            return;
        }
        int max = 1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, queued.value(i));
        }
        double top = layout.queueTop() + 2;
        double h = TimelineLayout.QUEUE - 4;
        double scale = h / max;
        double gx = TimelineLayout.GUTTER;
        int columns = (int) Math.ceil(layout.plotWidth());
        g.setFill(palette.outcome(Outcome.RUNNING).deriveColor(0, 1, 0.8, 0.7));
        // One column at a time with its highest depth, so a million changes cost one rectangle per pixel.
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
        g.setStroke(palette.text());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double lastEnd = -1;
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
            g.strokeLine(x0, y + 6, x0, y);
            g.strokeLine(x0, y, x1, y);
            g.strokeLine(x1, y, x1, y + 6);
            String name = store.groupName(i);
            if (name != null && x1 - x0 > 40) {
                g.fillText(name, x0 + 3, y + 5, x1 - x0 - 6);
            }
            lastEnd = x1;
        }
    }

    private int drawMarkers(GraphicsContext g, TimelineLayout layout, EventStore store, Viewport view, long t0,
                            long t1, OutcomePalette palette) {
        int lanes = store.laneCount() + 1;
        if (lastMarkerColumn.length < lanes * 8) {
            lastMarkerColumn = new int[lanes * 8];
        }
        java.util.Arrays.fill(lastMarkerColumn, -1);
        InvocationTable inv = store.invocations();
        int drawn = 0;
        double size = Math.min(8, layout.laneHeight() - 2);
        for (int k = store.firstMarkerAtOrAfter(t0); k < store.markerCount(); k++) {
            int e = store.markerEvent(k);
            long t = store.time(e);
            if (t > t1) {
                break;
            }
            int slot = store.invocationSlot(store.id(e));
            int lane = slot < 0 ? -1 : inv.lane(slot);
            EventType type = store.type(e);
            int shape = shapeOf(type);
            int column = (int) view.xOf(t);
            int key = (lane + 1) * 8 + shape;
            if (lastMarkerColumn[key] == column) {
                continue; // same shape already drawn in this pixel column of this lane
            }
            lastMarkerColumn[key] = column;
            double x = TimelineLayout.GUTTER + view.xOf(t);
            double y = lane < 0 ? layout.queueTop() + TimelineLayout.QUEUE / 2 : layout.laneTop(lane) + 1;
            drawMarker(g, type, x, y, lane < 0 ? 8 : size, palette);
            drawn++;
        }
        return drawn;
    }

    private static int shapeOf(EventType type) {
        return switch (type) {
            case TIMED_OUT -> 1;
            case CANCELLED -> 2;
            case REJECTED -> 3;
            case RETRY_SCHEDULED -> 4;
            default -> 0;
        };
    }

    static void drawMarker(GraphicsContext g, EventType type, double x, double y, double size,
                           OutcomePalette palette) {
        double s = Math.max(4, size);
        g.setLineWidth(1.5);
        switch (type) {
            case TIMED_OUT -> {
                g.setFill(palette.outcome(Outcome.TIMED_OUT).darker());
                g.fillPolygon(new double[] {x - s / 2, x + s / 2, x}, new double[] {y, y, y + s}, 3);
            }
            case CANCELLED -> {
                g.setStroke(palette.text());
                g.strokeLine(x - s / 2, y, x + s / 2, y + s);
                g.strokeLine(x + s / 2, y, x - s / 2, y + s);
            }
            case REJECTED -> {
                g.setFill(palette.outcome(Outcome.REJECTED));
                g.fillPolygon(new double[] {x, x + s / 2, x, x - s / 2}, new double[] {y - s / 2, y, y + s / 2, y},
                        4);
            }
            case RETRY_SCHEDULED -> {
                g.setStroke(palette.accent());
                g.strokeOval(x - s / 2, y, s, s);
            }
            default -> { }
        }
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
