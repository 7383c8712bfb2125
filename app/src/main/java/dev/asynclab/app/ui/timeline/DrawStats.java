package dev.asynclab.app.ui.timeline;

/// What one redraw did: attempts drawn as their own bar, attempts binned into pixel columns, the pixel columns
/// they filled, markers drawn, attempts highlighted (their latency is in the highlighted range), ghost bars of
/// late finishes drawn, bars that carry their name, and spans of the pool's limit drawn.
public record DrawStats(int bars, int binned, int binnedColumns, int markers, int highlighted, int ghosts,
                        int labels, int limitSpans) {

    public static final DrawStats NONE = new DrawStats(0, 0, 0, 0, 0, 0, 0, 0);
}
