package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.engine.event.EventType;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/// The timeline's markers and failure hatching, each drawn once into a small image and then stamped.
///
/// A live run zoomed out draws a marker per lane every few pixels, thousands a frame. As shapes, each is an
/// anti-aliased path the renderer rasterizes anew (about 3 µs apiece in the software pipeline, measured by
/// `CanvasOpCostBenchmarkTest`); as an image it is a copy (about 0.4 µs), and the shapes look the same. The
/// images are made at the screen's output scale, so they stay sharp on a HiDPI screen, and remade when the
/// palette or the scale changes; one image per marker kind and size.
///
/// ```java
/// MarkerSprites sprites = new MarkerSprites();
/// sprites.stamp(g, EventType.TIMED_OUT, x, y, 8, palette);
/// ```
final class MarkerSprites {

    /// A multiple of the hatch spacing, so strips laid end to end continue the pattern.
    static final int HATCH_WIDTH = 510;
    private static final int HATCH_STEP = 6;
    private static final double PAD = 2;

    /// Keyed by side in pixels and event type: the queue lane and the worker lanes stamp different sizes.
    private final Map<Integer, Image> markers = new HashMap<>();
    private final Set<Integer> blank = new HashSet<>();
    private Image hatch;
    private double hatchHeight = -1;
    private OutcomePalette palette;
    private double scale = -1;

    /// Draws the marker of `type` whose anchor is (`x`, `y`): the top middle of a triangle, cross, circle, hourglass
    /// or square, the center of a diamond, as `TimelineRenderer.drawMarker` draws them.
    void stamp(GraphicsContext g, EventType type, double x, double y, double size, OutcomePalette palette) {
        Image image = marker(g, type, size, palette);
        if (image == null) {
            return;
        }
        double s = side(size);
        double box = s + 2 * PAD;
        g.drawImage(image, Math.round(x - s / 2 - PAD), Math.round(y - s / 2 - PAD), box, box + s / 2);
    }

    /// Hatches a failed bar: the bar's own fill is already drawn, this lays the background-colored diagonals
    /// over it, one strip per `HATCH_WIDTH` pixels instead of a stroke per diagonal.
    void hatch(GraphicsContext g, double x, double y, double w, double h, OutcomePalette palette) {
        Image strip = hatchStrip(g, h, palette);
        double scaleOf = strip.getWidth() / HATCH_WIDTH;
        for (double off = 0; off < w; off += HATCH_WIDTH) {
            double part = Math.min(HATCH_WIDTH, w - off);
            g.drawImage(strip, 0, 0, part * scaleOf, strip.getHeight(), x + off, y, part, h);
        }
    }

    private Image marker(GraphicsContext g, EventType type, double size, OutcomePalette palette) {
        refresh(g, palette);
        int key = (int) side(size) << 8 | type.ordinal();
        if (blank.contains(key)) {
            return null;
        }
        Image image = markers.get(key);
        if (image == null) {
            image = drawMarker(type, size, palette);
            if (image == null) {
                blank.add(key);
            } else {
                markers.put(key, image);
            }
        }
        return image;
    }

    private Image hatchStrip(GraphicsContext g, double h, OutcomePalette palette) {
        refresh(g, palette);
        if (hatch == null || hatchHeight != h) {
            hatchHeight = h;
            Canvas c = new Canvas(HATCH_WIDTH, Math.max(1, h));
            GraphicsContext hg = c.getGraphicsContext2D();
            hg.setStroke(palette.background());
            hg.setLineWidth(1);
            for (double hx = 4; hx < HATCH_WIDTH + h; hx += HATCH_STEP) {
                hg.strokeLine(hx, 0, hx - h, h);
            }
            hatch = snapshot(c);
        }
        return hatch;
    }

    /// Forgets every image when what they were drawn with has changed. Called for every stamp, so the common case
    /// — the very palette of the last stamp — is an identity check, not a comparison of every color.
    private void refresh(GraphicsContext g, OutcomePalette palette) {
        double now = outputScale(g);
        if ((palette != this.palette && !palette.equals(this.palette)) || now != scale) {
            markers.clear();
            hatch = null;
            this.scale = now;
        }
        this.palette = palette;
    }

    /// How many marker images are kept (for tests: one per kind and size drawn).
    int cached() {
        return markers.size();
    }

    private Image drawMarker(EventType type, double size, OutcomePalette palette) {
        double s = side(size);
        double box = s + 2 * PAD;
        Canvas c = new Canvas(box, box + s / 2);
        GraphicsContext mg = c.getGraphicsContext2D();
        double x = PAD + s / 2;
        double y = PAD + s / 2;
        mg.setLineWidth(1.5);
        switch (type) {
            case TIMED_OUT -> {
                mg.setFill(palette.outcome(Outcome.TIMED_OUT).darker());
                mg.fillPolygon(new double[] {x - s / 2, x + s / 2, x}, new double[] {y, y, y + s}, 3);
            }
            case CANCELLED -> {
                mg.setStroke(palette.text());
                mg.strokeLine(x - s / 2, y, x + s / 2, y + s);
                mg.strokeLine(x + s / 2, y, x - s / 2, y + s);
            }
            case REJECTED -> {
                mg.setFill(palette.outcome(Outcome.REJECTED));
                mg.fillPolygon(new double[] {x, x + s / 2, x, x - s / 2},
                        new double[] {y - s / 2, y, y + s / 2, y}, 4);
            }
            case RETRY_SCHEDULED -> {
                mg.setStroke(palette.accent());
                mg.strokeOval(x - s / 2, y, s, s);
            }
            case CIRCUIT_OPENED -> { // ⊘ short-circuited: refused by an open breaker
                mg.setStroke(palette.policy(PolicyMark.SHORT_CIRCUIT));
                mg.strokeOval(x - s / 2, y, s, s);
                mg.strokeLine(x + s / 2 - 1, y + 1, x - s / 2 + 1, y + s - 1);
            }
            case RATE_LIMITED -> { // ⧗ rate-limited: two triangles tip to tip, an hourglass
                mg.setFill(palette.policy(PolicyMark.RATE_LIMITED));
                mg.fillPolygon(new double[] {x - s / 2, x + s / 2, x}, new double[] {y, y, y + s / 2}, 3);
                mg.fillPolygon(new double[] {x - s / 2, x + s / 2, x}, new double[] {y + s, y + s, y + s / 2}, 3);
            }
            case FALLBACK_USED -> { // □ a fallback replaced the result
                mg.setStroke(palette.policy(PolicyMark.FALLBACK));
                mg.strokeRect(x - s / 2 + 0.75, y + 0.75, s - 1.5, s - 1.5);
            }
            default -> {
                return null;
            }
        }
        return snapshot(c);
    }

    /// Whole pixels, so a stamp is a copy, not a resampling.
    private static double side(double size) {
        return Math.rint(Math.max(4, size));
    }

    private Image snapshot(Canvas c) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(Transform.scale(scale, scale));
        return c.snapshot(params, null);
    }

    private static double outputScale(GraphicsContext g) {
        var scene = g.getCanvas().getScene();
        if (scene == null || scene.getWindow() == null) {
            return 1;
        }
        return Math.max(1, scene.getWindow().getOutputScaleX());
    }
}
