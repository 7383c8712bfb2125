package dev.asynclab.app.ui.timeline;

/// What one redraw did: attempts drawn as their own bar, attempts binned into pixel columns, the rectangles
/// those columns became, and markers drawn.
public record DrawStats(int bars, int binned, int columnRuns, int markers) {

    public static final DrawStats NONE = new DrawStats(0, 0, 0, 0);
}
