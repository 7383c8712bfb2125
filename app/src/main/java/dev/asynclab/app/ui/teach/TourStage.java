package dev.asynclab.app.ui.teach;

import java.util.List;

/// Where a tour shows its run: the timeline, scrubbed to a step, with the invocations it concerns picked out.
/// The tour player calls it on the FX thread.
public interface TourStage {

    /// Shows the first `eventCount` events of the run (scrubbing back or forth).
    void show(int eventCount);

    /// Picks out the invocations a step concerns (empty: none).
    void highlight(List<Long> ids);
}
