package dev.asynclab.app.ui.timeline;

/// The counts one frame's layers add up, turned into `DrawStats` at the end.
final class DrawTally {

    int bars;
    int binned;
    int binnedColumns;
    int markers;
    int highlighted;
    int ghosts;
    int labels;
    int limitSpans;

    DrawStats stats() {
        return new DrawStats(bars, binned, binnedColumns, markers, highlighted, ghosts, labels, limitSpans);
    }
}
