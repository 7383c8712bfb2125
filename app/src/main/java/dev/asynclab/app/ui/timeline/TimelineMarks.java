package dev.asynclab.app.ui.timeline;

/// What the timeline emphasises: the selected invocation (its slot, -1 for none), the highlighted invocations (a
/// histogram bucket's, a lint's) and the live edge (-1: the store's last event).
public record TimelineMarks(int selectedSlot, Highlight highlight, long liveEdge) {

    public static final TimelineMarks NONE = new TimelineMarks(-1, Highlight.NONE, -1);

    public TimelineMarks {
        highlight = highlight == null ? Highlight.NONE : highlight;
    }
}
