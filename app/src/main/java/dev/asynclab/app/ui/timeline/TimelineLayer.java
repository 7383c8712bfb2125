package dev.asynclab.app.ui.timeline;

/// One layer of the timeline's drawing (lanes, bars, ghosts, queue, groups, markers, selection), drawn in that
/// order by `TimelineRenderer`; each adds what it drew to the frame's tally.
interface TimelineLayer {

    void draw(TimelineFrame frame, DrawTally tally);
}
