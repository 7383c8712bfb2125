package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.StepSeries;
import dev.asynclab.engine.event.EventType;
import javafx.scene.canvas.GraphicsContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/// An adaptive pool's limit over time (`POOL_RESIZED` events: AIMD, Gradient2), drawn under the bars: the worker
/// lanes above the limit are shaded as out of service over the time they are, and a step line runs at the limit
/// (between the last lane in service and the first one out). Calls still running on a lane the limit has just
/// taken away stay visible on top of the shade.
///
/// Lane `k` stands for the pool's worker `k`: the engine hands out the lowest free lane, so the store's lanes
/// come in that order. Only a run whose pool was resized gets the layer: a fixed pool's limit is its lanes.
///
/// However many resizes (Gradient2 resizes on nearly every call), a frame costs one pass over the resizes in
/// view and a rectangle per run of pixel columns with the same limit: a column crossed by several limits is
/// shaded from the highest (out of service all column long) and its line spans them all.
final class PoolLimitLayer implements TimelineLayer {

    /// The limit `limit` was in force from `from` to `to` (ns on the run's clock).
    record Span(long from, long to, int limit) {

        /// The first lane out of service during the span (lanes at and past it, up to `lanes`, are shaded);
        /// `lanes` when all of them serve.
        int firstIdleLane(int lanes) {
            return Math.min(limit, lanes);
        }
    }

    private int[] low = new int[0];
    private int[] high = new int[0];

    /// The spans of the limit over `[t0, t1]`, the last one lasting to `end` (the live edge).
    static List<Span> spans(StepSeries limits, long t0, long t1, long end) {
        List<Span> spans = new ArrayList<>();
        int n = limits.size();
        long stop = Math.min(t1, end);
        for (int k = Math.max(0, lastAtOrBefore(limits, t0)); k < n; k++) {
            long from = Math.max(limits.time(k), t0);
            if (from >= stop) {
                break;
            }
            long to = k + 1 < n ? Math.min(limits.time(k + 1), stop) : stop;
            if (to > from) {
                spans.add(new Span(from, to, limits.value(k)));
            }
        }
        return spans;
    }

    /// True when the store's pool was resized: then it has a limit over time worth drawing.
    static boolean resized(EventStore store) {
        return store.count(EventType.POOL_RESIZED) > 0 && store.poolSizeSeries().size() > 0;
    }

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        EventStore store = f.store();
        int lanes = store.laneCount();
        if (lanes == 0 || !resized(store)) {
            return;
        }
        TimelineLayout layout = f.layout();
        int w = (int) Math.ceil(layout.plotWidth());
        fillColumns(spans(store.poolSizeSeries(), f.t0(), f.t1(), Math.max(f.liveEdge(), store.lastTime())),
                f.view(), w);
        tally.limitSpans += drawRuns(f.g(), f, layout, lanes, w);
    }

    /// The lowest and highest limit in force in each pixel column (-1: none).
    private void fillColumns(List<Span> spans, Viewport view, int w) {
        if (low.length < w) {
            low = new int[w];
            high = new int[w];
        }
        Arrays.fill(low, 0, w, -1);
        Arrays.fill(high, 0, w, -1);
        for (Span s : spans) {
            int c0 = (int) Math.max(0, Math.floor(view.xOf(s.from())));
            int c1 = (int) Math.min(w - 1, Math.ceil(view.xOf(s.to())) - 1);
            for (int c = c0; c <= Math.max(c0, c1) && c < w; c++) {
                low[c] = low[c] < 0 ? s.limit() : Math.min(low[c], s.limit());
                high[c] = Math.max(high[c], s.limit());
            }
        }
    }

    /// Draws each run of columns with the same lowest and highest limit; returns how many runs.
    private int drawRuns(GraphicsContext g, TimelineFrame f, TimelineLayout layout, int lanes, int w) {
        double bottom = layout.laneTop(lanes);
        int runs = 0;
        for (int c = 0; c < w; ) {
            if (high[c] < 0) {
                c++;
                continue;
            }
            int lo = low[c];
            int hi = high[c];
            int end = c + 1;
            while (end < w && low[end] == lo && high[end] == hi) {
                end++;
            }
            double x = layout.gutter() + c;
            double width = end - c;
            if (hi < lanes) {
                // Out of service all run long: the lanes past the highest limit in force.
                g.setFill(f.palette().color(TimelineColor.OUT_OF_SERVICE));
                double top = layout.laneTop(hi);
                g.fillRect(x, top, width, bottom - top);
            }
            if (lo <= lanes) {
                // The line at the limit: two pixels in the gap between lanes, or (several limits in a column)
                // a stroke down from the lowest to the highest.
                double yLow = layout.laneTop(lo);
                double yHigh = layout.laneTop(Math.min(hi, lanes));
                g.setFill(f.palette().color(TimelineColor.POOL_LIMIT));
                g.fillRect(x, yLow - 1, width, yHigh - yLow + 2);
            }
            runs++;
            c = end;
        }
        return runs;
    }

    /// The index of the last change at or before `t`, -1 when the first one is later.
    private static int lastAtOrBefore(StepSeries series, long t) {
        int lo = 0;
        int hi = series.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (series.time(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
