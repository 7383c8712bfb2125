package dev.asynclab.app.ui.timeline;

/// Where things go on the timeline canvas: a gutter of lane names on the left, the time axis and the group
/// strip on top, the queue lane, then one lane per worker.
///
/// The gutter is as wide as the longest lane label needs (`w2 · cache`), within bounds; the axis, the group
/// strip, the queue lane and the largest lane height grow with the font, so text at a presenter's size still
/// fits its row.
///
/// ```java
/// TimelineLayout layout = new TimelineLayout(900, 400, 8);            // the base font, the narrowest gutter
/// TimelineLayout big = new TimelineLayout(900, 400, 8, 120, 22);      // a 120 px gutter, 22 px text
/// double y = layout.laneTop(3);
/// ```
public record TimelineLayout(double width, double height, int lanes, double gutter, double fontSize) {

    /// The narrowest gutter: lane names such as `w12` and the word "queue".
    public static final double MIN_GUTTER = 56;
    /// The font size the fixed heights below were drawn for.
    public static final double BASE_FONT_SIZE = 11;
    private static final double AXIS = 22;
    private static final double GROUPS = 14;
    private static final double QUEUE = 30;
    private static final double MAX_LANE = 28;

    /// A layout at the base font size with the narrowest gutter.
    public TimelineLayout(double width, double height, int lanes) {
        this(width, height, lanes, MIN_GUTTER, BASE_FONT_SIZE);
    }

    /// How much larger than the base the text is (never below 0.75: rows do not shrink past legibility).
    public double scale() {
        return Math.max(0.75, fontSize / BASE_FONT_SIZE);
    }

    /// The height of the time axis at the top.
    public double axis() {
        return Math.round(AXIS * scale());
    }

    /// The height of the strip of group brackets under the axis.
    public double groups() {
        return Math.round(GROUPS * scale());
    }

    /// The height of the queue lane.
    public double queue() {
        return Math.round(QUEUE * scale());
    }

    public double plotWidth() {
        return Math.max(1, width - gutter);
    }

    public double queueTop() {
        return axis() + groups();
    }

    /// The height of one worker lane: as tall as the room allows up to `MAX_LANE` (scaled with the text), and as
    /// thin as one pixel when there are more lanes than the room has for readable ones, so every lane stays on
    /// the canvas (a Gradient2 pool of 200 workers included): thin lanes lose their labels and markers, never
    /// their bars.
    public double laneHeight() {
        double free = height - queueTop() - queue() - 4;
        return Math.max(1, Math.min(MAX_LANE * Math.max(1, scale()), free / Math.max(1, lanes)));
    }

    public double laneTop(int lane) {
        return queueTop() + queue() + 4 + lane * laneHeight();
    }

    /// The x of time offset `px` in the plot (pixels right of the gutter).
    public double x(double px) {
        return gutter + px;
    }

    /// The worker lane under `y`, -1 for none (axis, groups, queue or below the last lane).
    public int laneAt(double y) {
        double first = laneTop(0);
        if (y < first) {
            return -1;
        }
        int lane = (int) ((y - first) / laneHeight());
        return lane < lanes ? lane : -1;
    }
}
