package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/// The layer under everything: the background, the lane stripes and names, the queue lane's name, the time axis
/// and its grid.
final class LaneLayer implements TimelineLayer {

    private static final Font LABEL = Font.font(11);

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        GraphicsContext g = f.g();
        g.setFill(f.palette().background());
        g.fillRect(0, 0, f.layout().width(), f.layout().height());
        drawLaneBackgrounds(g, f.layout(), f.store(), f.palette());
        drawAxis(g, f.layout(), f.view(), f.palette());
    }

    private static void drawLaneBackgrounds(GraphicsContext g, TimelineLayout layout, EventStore store,
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

    private static void drawAxis(GraphicsContext g, TimelineLayout layout, Viewport view, OutcomePalette palette) {
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
}
