package dev.asynclab.app.ui.timeline;

/// Which stretch of time the timeline shows: the time at the left edge and nanoseconds per pixel, plus whether
/// it fits everything, follows the live edge, or stays where the user put it.
///
/// ```java
/// Viewport v = new Viewport();
/// v.update(5_000_000_000L, 1000);      // fit all: 5 s over 1000 px
/// v.zoom(0.5, 500, 5_000_000_000L, 1000); // zoom in twice around the middle
/// ```
public final class Viewport {

    /// FIT shows the whole run as it grows; FOLLOW keeps the zoom and the live edge at the right; FREE stays put.
    public enum Mode { FIT, FOLLOW, FREE }

    private static final double MIN_NS_PER_PIXEL = 0.05;
    private static final double MAX_NS_PER_PIXEL = 1e13;

    private long start;
    private double nsPerPixel = 1_000_000;
    private Mode mode = Mode.FIT;

    /// Applies the mode for data that ends at `dataEnd` in a view `width` pixels wide.
    public void update(long dataEnd, double width) {
        double w = Math.max(width, 1);
        switch (mode) {
            case FIT -> {
                start = 0;
                nsPerPixel = clamp(Math.max(dataEnd, 1_000_000L) * 1.02 / w);
            }
            case FOLLOW -> start = Math.max(0, dataEnd - (long) (w * nsPerPixel * 0.98));
            case FREE -> { }
        }
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the time under pixel `x` in place.
    public void zoom(double factor, double x, long dataEnd, double width) {
        long pinned = timeAt(x);
        nsPerPixel = clamp(nsPerPixel * factor);
        start = pinned - (long) (x * nsPerPixel);
        settle(dataEnd, width);
    }

    /// Moves the view by `dx` pixels (dragging right shows earlier time).
    public void pan(double dx, long dataEnd, double width) {
        start -= (long) (dx * nsPerPixel);
        settle(dataEnd, width);
    }

    public void fitAll() {
        mode = Mode.FIT;
    }

    public void follow() {
        mode = Mode.FOLLOW;
    }

    /// Shows `[t0, t1]` and stops following.
    public void show(long t0, long t1, double width) {
        nsPerPixel = clamp(Math.max(t1 - t0, 1) / Math.max(width, 1));
        start = t0;
        mode = Mode.FREE;
    }

    /// Scrolls, keeping the zoom, so that `t` is in view: a time past the right edge comes back a tenth of the
    /// view from the left (a replay moving on has the rest of the view to move into), one before the left edge
    /// a tenth from the right (stepping back). Nothing moves while `t` is in view or the view fits everything.
    ///
    /// @return true when the view moved
    public boolean keepInView(long t, double width) {
        long end = end(width);
        if (mode == Mode.FIT || (t >= start && t <= end)) {
            return false;
        }
        long span = end - start;
        start = t > end ? t - span / 10 : Math.max(0, t - span + span / 10);
        mode = Mode.FREE;
        return true;
    }

    private void settle(long dataEnd, double width) {
        // Scrolling back leaves the live edge; bringing the right edge back to it follows again.
        mode = end(width) >= dataEnd ? Mode.FOLLOW : Mode.FREE;
    }

    /// Where the view is, to come back to it (`restore`).
    public record State(long start, double nsPerPixel, Mode mode) {
    }

    public State state() {
        return new State(start, nsPerPixel, mode);
    }

    public void restore(State s) {
        start = s.start();
        nsPerPixel = s.nsPerPixel();
        mode = s.mode();
    }

    public long timeAt(double x) {
        return start + (long) (x * nsPerPixel);
    }

    public double xOf(long t) {
        return (t - start) / nsPerPixel;
    }

    public long start() {
        return start;
    }

    public long end(double width) {
        return start + (long) (width * nsPerPixel);
    }

    public double nsPerPixel() {
        return nsPerPixel;
    }

    public Mode mode() {
        return mode;
    }

    private static double clamp(double v) {
        return Math.max(MIN_NS_PER_PIXEL, Math.min(MAX_NS_PER_PIXEL, v));
    }
}
