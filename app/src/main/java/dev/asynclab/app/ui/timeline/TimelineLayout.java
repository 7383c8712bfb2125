package dev.asynclab.app.ui.timeline;

/// Where things go on the timeline canvas: a gutter of lane names on the left, the time axis and the group
/// strip on top, the queue lane, then one lane per worker.
///
/// ```java
/// TimelineLayout layout = new TimelineLayout(900, 400, 8);
/// double y = layout.laneTop(3);
/// ```
public record TimelineLayout(double width, double height, int lanes) {

    public static final double GUTTER = 56;
    public static final double AXIS = 22;
    public static final double GROUPS = 14;
    public static final double QUEUE = 30;

    public double plotWidth() {
        return Math.max(1, width - GUTTER);
    }

    public double queueTop() {
        return AXIS + GROUPS;
    }

    public double laneHeight() {
        double free = height - queueTop() - QUEUE - 4;
        return Math.max(6, Math.min(28, free / Math.max(1, lanes)));
    }

    public double laneTop(int lane) {
        return queueTop() + QUEUE + 4 + lane * laneHeight();
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
