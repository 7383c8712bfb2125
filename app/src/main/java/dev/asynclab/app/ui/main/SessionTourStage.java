package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.teach.TourStage;
import dev.asynclab.app.ui.timeline.Highlight;

import java.time.Duration;
import java.util.List;

/// A tour shown in its session: the replay of the tour's run plays on to a step (or scrubs back to it), the
/// invocations the step concerns are highlighted, and the first of them is selected once the session shows the
/// step, so the details panel tells its story up to that moment.
final class SessionTourStage implements TourStage {

    /// The longest a step's run takes to play on to the next, in wall time, whatever the gap in the run.
    static final Duration LONGEST_STEP = Duration.ofSeconds(2);

    private final Session session;
    private final ReplayViewModel replay;
    private int target;
    private long pendingId;

    SessionTourStage(Session session, ReplayViewModel replay) {
        this.session = session;
        this.replay = replay;
        // Events reach the store a frame after they are offered: select only once the step is all there.
        session.versionProperty().addListener((o, was, now) -> selectWhenShown());
    }

    @Override
    public void show(int eventCount) {
        target = eventCount;
        replay.playTo(eventCount, LONGEST_STEP);
    }

    @Override
    public void highlight(List<Long> ids) {
        session.highlightProperty().set(ids.isEmpty() ? Highlight.NONE
                : Highlight.ids(ids, false, "the tour step's " + (ids.size() == 1 ? "call" : "calls")));
        pendingId = ids.isEmpty() ? 0 : ids.getFirst();
        if (ids.isEmpty()) {
            session.selectedSlotProperty().set(-1);
        }
        selectWhenShown();
    }

    private void selectWhenShown() {
        EventStore store = session.store();
        if (pendingId == 0 || store.size() < target) {
            return;
        }
        int slot = store.invocationSlot(pendingId);
        pendingId = 0;
        // Cleared first: a step may pick the call the step before picked, now with more of its story to tell.
        session.selectedSlotProperty().set(-1);
        session.selectedSlotProperty().set(slot);
    }
}
