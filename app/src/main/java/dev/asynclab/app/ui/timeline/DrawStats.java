package dev.asynclab.app.ui.timeline;

/// What one redraw did: attempts drawn as their own bar, attempts binned into pixel columns, the pixel columns
/// they filled, markers drawn, and attempts highlighted (their latency is in the highlighted range).
public record DrawStats(int bars, int binned, int binnedColumns, int markers, int highlighted) {

    public static final DrawStats NONE = new DrawStats(0, 0, 0, 0, 0);
}
