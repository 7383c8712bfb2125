package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/// Race and parallel groups, bracketed above the lanes with their names.
final class GroupLayer implements TimelineLayer {

    @Override
    public void draw(TimelineFrame f, DrawTally tally) {
        drawGroups(f, f.g(), f.layout(), f.store(), f.view(), f.t0(), f.t1(), f.palette());
    }

    private static void drawGroups(TimelineFrame f, GraphicsContext g, TimelineLayout layout, EventStore store,
                                   Viewport view, long t0, long t1, OutcomePalette palette) {
        var groups = store.groups();
        double y = layout.axis() + 3;
        double gx = layout.gutter();
        g.setFill(palette.text());
        g.setFont(f.font());
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
            String label = name != null && x0 > labelEnd ? Labels.fit(name, x1 - x0 - 6, f.text()) : "";
            if (!label.isEmpty()) {
                g.fillText(label, x0 + 3, y + layout.groups() / 2 - 2);
                labelEnd = x1;
            }
            lastEnd = x1;
        }
    }
}
