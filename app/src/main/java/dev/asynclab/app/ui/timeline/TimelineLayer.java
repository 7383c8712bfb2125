package dev.asynclab.app.ui.timeline;

/// One layer of the timeline's drawing (lanes, pool limit, bars, ghosts, queue, groups, breaker bands, markers,
/// selection, playhead), drawn in that order by `TimelineRenderer`; each adds what it drew to the frame's tally
/// and sets the canvas state (fill, font, alignment) it needs itself.
interface TimelineLayer {

    void draw(TimelineFrame frame, DrawTally tally);
}
