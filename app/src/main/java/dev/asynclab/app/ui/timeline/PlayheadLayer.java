package dev.asynclab.app.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/// The replay's playhead on top of everything: a vertical line through the axis and every lane at the time of
/// the replay's current event, with a handle on the axis. Nothing when there is no playhead or it is out of
/// view (the control scrolls to keep it in view).
final class PlayheadLayer implements TimelineLayer {

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        if (!f.marks().hasPlayhead()) {
            return;
        }
        TimelineLayout layout = f.layout();
        double px = f.view().xOf((long) f.marks().playhead());
        if (px < 0 || px > layout.plotWidth()) {
            return;
        }
        GraphicsContext g = f.g();
        double x = Math.floor(layout.gutter() + px);
        g.setFill(f.palette().color(TimelineColor.PLAYHEAD));
        g.fillRect(x - 1, 0, 2, layout.height());
        double s = 5 * Math.max(1, layout.scale());
        g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {0, 0, s * 1.4}, 3);
    }
}
