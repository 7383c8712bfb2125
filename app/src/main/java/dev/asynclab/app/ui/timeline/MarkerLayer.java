package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.TimeBins;
import dev.asynclab.engine.event.EventType;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/// Markers: ▼ timeout, ✕ cancel, ◆ rejection, ○ retry scheduled, stamped from sprites. One per lane per marker
/// width; one that stands for several at one spot says how many ("×3").
final class MarkerLayer implements TimelineLayer {

    private static final double MARKER_BUCKET = 6.0;
    /// The font of the "×3" counts: a step smaller than the timeline's, made again when that changes.
    private Font countFont;
    private Font countFontOf;

    private final MarkerSprites sprites;
    private int[] lastMarkerColumn = new int[0];
    private int[] mergedCount = new int[0];
    private double[] mergedX = new double[0];
    private double[] mergedY = new double[0];
    private int mergedLabels;

    MarkerLayer(MarkerSprites sprites) {
        this.sprites = sprites;
    }

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        if (countFontOf != f.font()) {
            countFontOf = f.font();
            countFont = f.smallFont();
        }
        tally.markers += drawMarkers(f.g(), f.layout(), f.store(), f.view(), f.t0(), f.t1(), f.palette());
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
        double queueSize = 8 * Math.max(1, layout.scale()); // markers grow with the text (presenter mode)
        double size = Math.max(0, Math.min(queueSize, layout.laneHeight() - 2)); // none on lanes too thin for one
        if (view.nsPerPixel() * MARKER_BUCKET >= store.queueMarkerSummary().binNanos()) {
            drawn += drawMarkerSummary(g, store.queueMarkerSummary(), -1, layout, view, queueSize, palette);
            for (int lane = 0; lane < store.laneCount(); lane++) {
                drawn += drawMarkerSummary(g, store.lane(lane).markerSummary(), lane, layout, view, size, palette);
            }
            return drawn;
        }
        if (mergedCount.length < lanes) {
            mergedCount = new int[lanes];
            mergedX = new double[lanes];
            mergedY = new double[lanes];
        }
        java.util.Arrays.fill(mergedCount, 0);
        for (int k = store.firstMarkerAtOrAfter(t0); k < store.markerCount(); k++) {
            int e = store.markerEvent(k);
            long t = store.time(e);
            if (t > t1) {
                break;
            }
            int slot = store.invocationSlot(store.id(e));
            int lane = slot < 0 ? -1 : inv.lane(slot);
            EventType type = store.markerTypeAt(e); // a policy's refusal gets the policy's marker
            // One marker per lane per marker width: denser than that they would only overprint one another, so
            // the marker drawn says how many it stands for.
            int column = (int) (view.xOf(t) / MARKER_BUCKET);
            if (lastMarkerColumn[lane + 1] == column) {
                mergedCount[lane + 1]++;
                continue;
            }
            countLabel(g, lane + 1, palette);
            lastMarkerColumn[lane + 1] = column;
            double x = layout.gutter() + view.xOf(t);
            double y = lane < 0 ? layout.queueTop() + layout.queue() / 2 : layout.laneTop(lane) + 1;
            sprites.stamp(g, type, x, y, lane < 0 ? queueSize : size, palette);
            mergedCount[lane + 1] = 1;
            mergedX[lane + 1] = x;
            mergedY[lane + 1] = y;
            drawn++;
        }
        for (int lane = 0; lane < lanes; lane++) {
            countLabel(g, lane, palette);
        }
        return drawn;
    }

    /// "×3" beside a marker that stands for several at one spot (three rejections at one instant).
    private void countLabel(GraphicsContext g, int laneIndex, OutcomePalette palette) {
        if (mergedCount[laneIndex] > 1) {
            g.setFill(palette.text());
            g.setFont(countFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("×" + mergedCount[laneIndex], mergedX[laneIndex] + 5, mergedY[laneIndex]);
            mergedLabels++;
        }
        mergedCount[laneIndex] = 0;
    }

    /// How many "×n" labels the last draws wrote (tests).
    int mergedLabels() {
        return mergedLabels;
    }

    /// One marker per lane per marker width, the most notable kind the summary holds there.
    private int drawMarkerSummary(GraphicsContext g, TimeBins summary, int lane, TimelineLayout layout,
                                         Viewport view, double size, OutcomePalette palette) {
        int drawn = 0;
        double y = lane < 0 ? layout.queueTop() + layout.queue() / 2 : layout.laneTop(lane) + 1;
        for (double x = 0; x < layout.plotWidth(); x += MARKER_BUCKET) {
            int kind = summary.maxOver(view.timeAt(x), view.timeAt(x + MARKER_BUCKET));
            if (kind > 0) {
                sprites.stamp(g, EventStore.markerType(kind), layout.gutter() + x + MARKER_BUCKET / 2, y, size,
                        palette);
                drawn++;
            }
        }
        return drawn;
    }
}
