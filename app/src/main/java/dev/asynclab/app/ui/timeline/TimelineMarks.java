package dev.asynclab.app.ui.timeline;

/// What the timeline emphasises: the selected invocation (its slot, -1 for none) and a latency range whose
/// invocations are highlighted (from a histogram bucket; `highlightFrom < 0` for none), and the live edge.
public record TimelineMarks(int selectedSlot, long highlightFrom, long highlightTo, long liveEdge) {

    public static final TimelineMarks NONE = new TimelineMarks(-1, -1, -1, -1);

    public boolean highlights(long latency) {
        return highlightFrom >= 0 && latency >= highlightFrom && latency < highlightTo;
    }
}
