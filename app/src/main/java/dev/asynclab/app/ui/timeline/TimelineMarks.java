package dev.asynclab.app.ui.timeline;

/// What the timeline emphasises: the selected invocation (its slot, -1 for none), the highlighted invocations (a
/// histogram bucket's, a lint's), the live edge (-1: the store's last event) and the replay's playhead (a time
/// on the run's clock, NaN for none).
public record TimelineMarks(int selectedSlot, Highlight highlight, long liveEdge, double playhead) {

    public static final TimelineMarks NONE = new TimelineMarks(-1, Highlight.NONE, -1, Double.NaN);

    public TimelineMarks {
        highlight = highlight == null ? Highlight.NONE : highlight;
    }

    /// Marks without a playhead.
    public TimelineMarks(int selectedSlot, Highlight highlight, long liveEdge) {
        this(selectedSlot, highlight, liveEdge, Double.NaN);
    }

    public boolean hasPlayhead() {
        return !Double.isNaN(playhead);
    }
}
