package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/// The layer under everything: the background, the lane stripes and labels (`w2 · cache` when the lane served
/// one callback name, cut to the gutter), the queue lane's name, the time axis and its grid.
final class LaneLayer implements TimelineLayer {

    /// Room between a lane label and the plot.
    static final double LABEL_PAD = 8;

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        GraphicsContext g = f.g();
        g.setFill(f.palette().background());
        g.fillRect(0, 0, f.layout().width(), f.layout().height());
        drawLaneBackgrounds(f);
        drawAxis(f);
    }

    private static void drawLaneBackgrounds(TimelineFrame f) {
        GraphicsContext g = f.g();
        TimelineLayout layout = f.layout();
        EventStore store = f.store();
        double h = layout.laneHeight();
        double gx = layout.gutter();
        g.setFill(f.palette().laneStripe());
        g.fillRect(gx, layout.queueTop(), layout.plotWidth(), layout.queue());
        for (int lane = 1; lane < store.laneCount(); lane += 2) {
            g.fillRect(gx, layout.laneTop(lane), layout.plotWidth(), h);
        }
        g.setFill(f.palette().text());
        g.setFont(f.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double room = gx - LABEL_PAD;
        g.fillText(Labels.fit("queue", room, f.text()), 4, layout.queueTop() + layout.queue() / 2);
        if (named(layout, f.font().getSize())) {
            for (int lane = 0; lane < store.laneCount(); lane++) {
                String label = Labels.fit(store.laneLabel(lane), room, f.text());
                g.fillText(label, 4, layout.laneTop(lane) + h / 2);
            }
        }
    }

    /// True when the lanes are tall enough to be named: a label needs about its font's height, and squeezed
    /// lanes go unnamed rather than overprinted.
    static boolean named(TimelineLayout layout, double fontSize) {
        return layout.laneHeight() >= fontSize - 1;
    }

    private static void drawAxis(TimelineFrame f) {
        GraphicsContext g = f.g();
        TimelineLayout layout = f.layout();
        Viewport view = f.view();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        // Ticks as far apart as their labels need: wider text, fewer ticks.
        double spacing = Math.max(90, f.text().of("00:00.000 ms") + 12);
        var ticks = TimeAxis.ticks(view.start(), view.nsPerPixel(), layout.plotWidth(), spacing);
        double axis = layout.axis();
        // Grid lines as one-pixel rectangles: the software pipeline fills them far faster than it strokes lines.
        g.setFill(f.palette().grid());
        for (TimeAxis.Tick tick : ticks) {
            double x = Math.floor(layout.gutter() + tick.x());
            g.fillRect(x, axis - 5, 1, layout.height() - axis + 5);
        }
        g.fillRect(0, axis - 1, layout.width(), 1);
        g.setFill(f.palette().text());
        g.setFont(f.font());
        for (TimeAxis.Tick tick : ticks) {
            g.fillText(tick.label(), Math.floor(layout.gutter() + tick.x()) + 3.5, axis / 2);
        }
    }
}
